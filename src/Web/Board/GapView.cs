using MutualAid.Board;
using MutualAid.Requests;

namespace MutualAid.Web.Board;

/// <summary>Needs against offers for one category; a gap is needs with no offer at all.</summary>
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
}
