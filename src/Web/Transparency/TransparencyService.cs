using MutualAid.Common;
using MutualAid.Fund;
using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Stats;

namespace MutualAid.Web.Transparency;

/// <summary>
/// Builds the public figures of a hub or a region from the hub's weekly figures, the fund's totals
/// and the board's counts. Anyone may read them, so nothing here takes a name or a place: only sums.
/// </summary>
public sealed class TransparencyService(IGrainFactory grains, TimeProvider clock)
{
    public async Task<PublicFigures?> Hub(string slug)
    {
        if (!Slug.IsValid(slug) || await grains.GetGrain<IHubGrain>(slug).GetSummary() is not { } hub) return null;
        var weeks = await grains.GetGrain<IHubStatsGrain>(slug).GetWeeks();
        var money = await grains.GetGrain<IHubFundGrain>(slug).GetTotals(MonthStart());
        return Figures(hub.Name, isRegion: false, weeks, money, [hub]);
    }

    public async Task<PublicFigures?> Region(string slug)
    {
        if (!Slug.IsValid(slug) || await grains.GetGrain<IRegionGrain>(slug).GetOverview() is not { } region) return null;
        var weeks = await grains.GetGrain<IRegionStatsGrain>(slug).GetWeeks() ?? [];
        var since = MonthStart();
        var funds = await Task.WhenAll(region.Hubs.Select(h => grains.GetGrain<IHubFundGrain>(h.Slug).GetTotals(since)));
        return Figures(region.Name, isRegion: true, weeks, SumMoney(funds), region.Hubs);
    }

    private PublicFigures Figures(string name, bool isRegion, IReadOnlyList<StatsWeek> weeks, FundTotals money, IEnumerable<HubSummary> hubs)
    {
        var week = StatsWeek.WeekOf(clock.GetUtcNow());
        var month = StatsWeek.MonthOf(week);
        var thisWeek = weeks.FirstOrDefault(w => w.WeekStarting == week) ?? new StatsWeek(week);
        var thisMonth = StatsWeek.Sum(month, weeks.Where(w => StatsWeek.MonthOf(w.WeekStarting) == month));
        var open = new Dictionary<RequestCategory, int>();
        var critical = 0;
        foreach (var hub in hubs)
        {
            foreach (var (category, n) in hub.Counts.OpenNeedsByCategory) open[category] = open.GetValueOrDefault(category) + n;
            critical += hub.Counts.UnassignedCritical;
        }

        return new PublicFigures(name, isRegion, thisWeek, thisMonth, money, open, critical);
    }

    /// <summary>The first day of the month the current week counts in, so money and needs cover the same days.</summary>
    private DateTimeOffset MonthStart()
    {
        var month = StatsWeek.MonthOf(StatsWeek.WeekOf(clock.GetUtcNow()));
        return new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    private static FundTotals SumMoney(FundTotals[] funds)
    {
        static IReadOnlyList<FundCategoryAmount> Sum(IEnumerable<FundCategoryAmount> lines) =>
            [.. lines.GroupBy(l => l.Category, StringComparer.Ordinal).Select(g => new FundCategoryAmount(g.Key, g.Sum(l => l.Amount)))];
        return new FundTotals(funds.Length > 0 ? funds[0].Currency : "EUR", Sum(funds.SelectMany(f => f.In)), Sum(funds.SelectMany(f => f.Out)));
    }
}
