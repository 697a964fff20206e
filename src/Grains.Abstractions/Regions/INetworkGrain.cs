namespace MutualAid.Regions;

/// <summary>
/// The directory of regions in this deployment (a single grain, key 0). Regions call up into it;
/// it calls nothing.
/// </summary>
[Alias("MutualAid.INetworkGrain")]
public interface INetworkGrain : IGrainWithIntegerKey
{
    [Alias("RegisterRegion")] Task RegisterRegion(RegionInfo region);

    [Alias("GetRegions")] Task<IReadOnlyList<RegionInfo>> GetRegions();
}
