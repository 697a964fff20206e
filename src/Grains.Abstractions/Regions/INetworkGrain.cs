namespace MutualAid.Regions;

/// <summary>
/// The directory of regions in this deployment (a single grain, key 0), and the needs raised to
/// all of them. Regions and requests call up into it; it calls nothing.
/// </summary>
[Alias("MutualAid.INetworkGrain")]
public interface INetworkGrain : IGrainWithIntegerKey
{
    [Alias("RegisterRegion")] Task RegisterRegion(RegionInfo region);

    [Alias("GetRegions")] Task<IReadOnlyList<RegionInfo>> GetRegions();

    /// <summary>A need raised to the whole network (again, with the request's newer summary).</summary>
    [Alias("RaiseNeed")] Task RaiseNeed(RaisedNeed need);

    /// <summary>The need was taken by a hub, met or closed: it leaves the network's list.</summary>
    [Alias("WithdrawNeed")] Task WithdrawNeed(Guid requestId);

    /// <summary>Needs raised to the whole network, oldest first.</summary>
    [Alias("GetRaisedNeeds")] Task<IReadOnlyList<RaisedNeed>> GetRaisedNeeds();
}
