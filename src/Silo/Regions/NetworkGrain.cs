using MutualAid.Regions;

namespace MutualAid.Silo.Regions;

/// <summary>The directory of regions; the top of the call graph, so it calls nothing.</summary>
public sealed class NetworkGrain([PersistentState("network")] IPersistentState<NetworkState> state) : Grain, INetworkGrain
{
    public async Task RegisterRegion(RegionInfo region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (state.State.Regions.TryGetValue(region.Slug, out var known) && known == region) return;
        state.State.Regions[region.Slug] = region;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<RegionInfo>> GetRegions() => Task.FromResult<IReadOnlyList<RegionInfo>>(
        state.State.Regions.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToArray());
}
