using MutualAid.Regions;

namespace MutualAid.Silo.Regions;

/// <summary>The directory of regions and the needs raised to all of them; the top of the call graph, so it calls nothing.</summary>
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

    public async Task RaiseNeed(RaisedNeed need)
    {
        ArgumentNullException.ThrowIfNull(need);
        state.State.Raised.RemoveAll(r => r.Need.Request.Id == need.Need.Request.Id);
        state.State.Raised.Add(need);
        await state.WriteStateAsync();
    }

    public async Task WithdrawNeed(Guid requestId)
    {
        if (state.State.Raised.RemoveAll(r => r.Need.Request.Id == requestId) > 0) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<RaisedNeed>> GetRaisedNeeds() => Task.FromResult<IReadOnlyList<RaisedNeed>>(
        state.State.Raised.OrderBy(r => r.Need.At).ToArray());
}
