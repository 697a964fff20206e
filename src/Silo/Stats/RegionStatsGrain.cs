using MutualAid.Regions;
using Orleans.Concurrency;
using MutualAid.Stats;

namespace MutualAid.Silo.Stats;

/// <summary>
/// A region's figures: its hubs' weeks added up on each ask. Stateless, and a leaf for everyone
/// else: it calls the region (which knows its hubs) and the hubs' figures, none of which call it.
/// </summary>
[StatelessWorker]
public sealed class RegionStatsGrain : Grain, IRegionStatsGrain
{
    public async Task<IReadOnlyList<StatsWeek>?> GetWeeks()
    {
        if (await GrainFactory.GetGrain<IRegionGrain>(this.GetPrimaryKeyString()).GetOverview() is not { } region) return null;
        var hubs = await Task.WhenAll(region.Hubs.Select(h => GrainFactory.GetGrain<IHubStatsGrain>(h.Slug).GetWeeks()));
        return StatsWeek.MergeAsOne(hubs);
    }
}
