using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Stats;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Trends;

/// <summary>A hub's or region's needs over time, as its planners see them; the survey's own words only for the hub's coordinators.</summary>
public sealed record TrendsView(
    string Slug,
    string Name,
    bool IsRegion,
    IReadOnlyList<StatsWeek> Weeks,
    IReadOnlyList<StatsWeek> Months,
    SurveyView? Survey);

/// <summary>Needs over time for a hub's coordinators and dispatchers and its region's coordinators, authorised here.</summary>
public sealed class TrendsService(IGrainFactory grains, CurrentUser user, TimeProvider clock)
{
    /// <summary>How far back the weekly charts look: a quarter.</summary>
    public const int WeeksShown = 13;

    /// <summary>How far back the monthly charts look: a year.</summary>
    public const int MonthsShown = 12;

    public async Task<TrendsView?> Hub(string slug)
    {
        if (!await user.Can(Ability.SeeTrends, slug) || await grains.GetGrain<IHubGrain>(slug).GetSummary() is not { } hub) return null;
        var stats = grains.GetGrain<IHubStatsGrain>(slug);
        var survey = await user.Can(Ability.RunSurvey, slug) ? await stats.GetSurvey() : null;
        return View(slug, hub.Name, isRegion: false, await stats.GetWeeks(), survey);
    }

    public async Task<TrendsView?> Region(string slug)
    {
        if (!await user.Can(Ability.SeeTrends, hub: null, region: slug) || await grains.GetGrain<IRegionGrain>(slug).GetOverview() is not { } region) return null;
        return View(slug, region.Name, isRegion: true, await grains.GetGrain<IRegionStatsGrain>(slug).GetWeeks() ?? [], null);
    }

    private TrendsView View(string slug, string name, bool isRegion, IReadOnlyList<StatsWeek> weeks, SurveyView? survey)
    {
        var now = StatsWeek.WeekOf(clock.GetUtcNow());
        // Every week shown, quiet ones as zeros, so a chart's gaps are real.
        var recent = Enumerable.Range(0, WeeksShown).Select(i => now.AddDays(-7 * (WeeksShown - 1 - i)))
            .Select(w => weeks.FirstOrDefault(x => x.WeekStarting == w) ?? new StatsWeek(w)).ToList();
        var months = StatsWeek.Months(weeks).TakeLast(MonthsShown).ToList();
        return new TrendsView(slug, name, isRegion, recent, months, survey);
    }
}
