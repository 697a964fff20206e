using MutualAid.Regions;

namespace MutualAid.Silo.Regions;

/// <summary>The directory of regions and the needs raised to all of them; the top of the call graph, so it calls nothing.</summary>
public sealed class NetworkGrain([PersistentState("network")] IPersistentState<NetworkState> state) : Grain, INetworkGrain
{
    public async Task RegisterRegion(RegionInfo region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (state.State.Regions.TryGetValue(region.Slug, out var known) && known.SameAs(region)) return;
        await Save(s => s.Regions[region.Slug] = region);
    }

    public Task<IReadOnlyList<RegionInfo>> GetRegions() => Task.FromResult<IReadOnlyList<RegionInfo>>(
        state.State.Regions.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToArray());

    public async Task RaiseNeed(RaisedNeed need)
    {
        ArgumentNullException.ThrowIfNull(need);
        if (state.State.Raised.Exists(r => r.Need.Outdates(need.Need))) return;
        var id = need.Need.Request.Id;
        await Save(s =>
        {
            s.Raised.RemoveAll(r => r.Need.Request.Id == id);
            s.Raised.Add(need);
        });
    }

    public async Task WithdrawNeed(Guid requestId)
    {
        if (state.State.Raised.Exists(r => r.Need.Request.Id == requestId)) await Save(s => s.Raised.RemoveAll(r => r.Need.Request.Id == requestId));
    }

    /// <summary>Writes the state <paramref name="change"/> makes of a copy: when the store refuses, memory stays as the store has it.</summary>
    private Task Save(Action<NetworkState> change)
    {
        var next = state.State.Copy();
        change(next);
        return state.WriteOrKeep(next);
    }

    public Task<IReadOnlyList<RaisedNeed>> GetRaisedNeeds() => Task.FromResult<IReadOnlyList<RaisedNeed>>(
        state.State.Raised.OrderBy(r => r.Need.At).ToArray());
}
