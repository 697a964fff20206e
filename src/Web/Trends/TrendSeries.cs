using System.Globalization;
using MutualAid.Stats;

namespace MutualAid.Web.Trends;

/// <summary>One bar or point of a chart.</summary>
public sealed record TrendPoint(string Period, double Value);

/// <summary>A named line or stack of a chart.</summary>
public sealed record TrendLine(string Title, IReadOnlyList<TrendPoint> Points);

/// <summary>Turns weeks or months into the charts' series: one per category, urgency or rate.</summary>
public static class TrendSeries
{
    public static string Label(StatsWeek period, bool monthly) =>
        period.WeekStarting.ToString(monthly ? "MMM yy" : "d MMM", CultureInfo.CurrentCulture);

    public static IReadOnlyList<TrendLine> ByKey<TKey>(IReadOnlyList<StatsWeek> periods, bool monthly, Func<StatsWeek, IReadOnlyDictionary<TKey, int>> counts, Func<TKey, string> title)
        where TKey : struct, Enum =>
        [.. Enum.GetValues<TKey>().Where(k => periods.Any(p => counts(p).GetValueOrDefault(k) > 0))
            .Select(k => new TrendLine(title(k), [.. periods.Select(p => new TrendPoint(Label(p, monthly), counts(p).GetValueOrDefault(k)))]))];

    public static TrendLine Of(string title, IReadOnlyList<StatsWeek> periods, bool monthly, Func<StatsWeek, double> value) =>
        new(title, [.. periods.Select(p => new TrendPoint(Label(p, monthly), Math.Round(value(p), 1)))]);

    /// <summary>Median hours from the buckets; zero for a period with none.</summary>
    public static double MedianHours(IReadOnlyList<int> buckets) => StatsBuckets.Median(buckets)?.TotalHours ?? 0;

    /// <summary>Share of the period's new requests, as a percentage; zero with none.</summary>
    public static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;
}
