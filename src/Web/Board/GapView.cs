using MutualAid.Board;
using MutualAid.Requests;

namespace MutualAid.Web.Board;

/// <summary>Needs against offers for one category (or, by area, one named area); a gap is needs with no offer at all.</summary>
public sealed record GapRow(string Category, int Needs, int Offers)
{
    public bool IsGap => Needs > 0 && Offers == 0;
}

/// <summary>The gap view, for one hub's counts or a whole region's (summed over its hubs).</summary>
public static class GapView
{
    public static IReadOnlyList<GapRow> Rows(IEnumerable<BoardCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var all = counts.ToArray();
        return Enum.GetValues<RequestCategory>()
            .Select(c => new GapRow(c.ToString(), all.Sum(k => k.OpenNeedsByCategory.GetValueOrDefault(c)), all.Sum(k => k.OpenOffersByCategory.GetValueOrDefault(c))))
            .Where(g => g.Needs > 0 || g.Offers > 0)
            .OrderByDescending(g => g.IsGap).ThenByDescending(g => g.Needs - g.Offers)
            .ToArray();
    }

    /// <summary>
    /// Needs against offers per named area of one hub, gaps first; the row named "" holds every
    /// place that is not a named area. Empty when the hub lists no areas.
    /// </summary>
    public static IReadOnlyList<GapRow> ByArea(BoardCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        // Counts from before areas existed carry no per-area dictionaries.
        var needs = counts.OpenNeedsByArea ?? new Dictionary<string, int>();
        var offers = counts.OpenOffersByArea ?? new Dictionary<string, int>();
        return needs.Keys.Union(offers.Keys)
            .Select(a => new GapRow(a, needs.GetValueOrDefault(a), offers.GetValueOrDefault(a)))
            .OrderByDescending(g => g.IsGap).ThenByDescending(g => g.Needs - g.Offers).ThenBy(g => g.Category, StringComparer.CurrentCulture)
            .ToArray();
    }
}
