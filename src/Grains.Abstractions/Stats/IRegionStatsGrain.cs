namespace MutualAid.Stats;

/// <summary>
/// A region's figures (key: the region's slug): the sum of its hubs' weeks, a request passed between
/// hubs counted once, where it was first asked (see <see cref="StatsWeek.MergeAsOne"/>). Keeps nothing of its
/// own; asks the region which hubs it has, then each hub's figures, and neither ever calls it.
/// </summary>
[Alias("MutualAid.IRegionStatsGrain")]
public interface IRegionStatsGrain : IGrainWithStringKey
{
    /// <summary>The region's weeks, oldest first; null when there is no such region.</summary>
    [Alias("GetWeeks")] Task<IReadOnlyList<StatsWeek>?> GetWeeks();
}
