using MutualAid.Fund;
using MutualAid.Requests;
using MutualAid.Stats;

namespace MutualAid.Web.Transparency;

/// <summary>
/// What the public page of a hub or a region shows: counts for the whole place, never a name,
/// a phone, an address, a note or an area finer than the hub.
/// </summary>
public sealed record PublicFigures(
    string Name,
    bool IsRegion,
    StatsWeek ThisWeek,
    StatsWeek ThisMonth,
    FundTotals Money,
    IReadOnlyDictionary<RequestCategory, int> OpenNeeds,
    int UnassignedCritical)
{
    /// <summary>Categories worth a row: any that moved this month or still has someone waiting.</summary>
    public IEnumerable<RequestCategory> Categories =>
        Enum.GetValues<RequestCategory>().Where(c => ThisMonth.Delivered.ContainsKey(c) || ThisWeek.Delivered.ContainsKey(c) || OpenNeeds.GetValueOrDefault(c) > 0);

    /// <summary>Money categories in either direction, in the order they first appear.</summary>
    public IEnumerable<string> MoneyCategories => Money.In.Select(l => l.Category).Concat(Money.Out.Select(l => l.Category)).Distinct(StringComparer.Ordinal);

    public decimal MoneyIn(string category) => Money.In.Where(l => l.Category == category).Sum(l => l.Amount);

    public decimal MoneyOut(string category) => Money.Out.Where(l => l.Category == category).Sum(l => l.Amount);
}
