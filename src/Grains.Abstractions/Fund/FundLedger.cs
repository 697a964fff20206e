namespace MutualAid.Fund;

/// <summary>A hub's ledger as its coordinators see it, with balances summed from the entries.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.FundLedger")]
public sealed record FundLedger(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] string Currency,
    [property: Id(2)] IReadOnlyList<FundEntry> Entries)
{
    /// <summary>Balance by category: the sum of every entry's effect, never a stored running figure.</summary>
    public IReadOnlyList<FundCategoryAmount> Balances =>
        [.. Entries.Where(e => e.Effect != 0m).GroupBy(e => e.Category).OrderBy(g => g.Key).Select(g => new FundCategoryAmount(g.Key.ToString(), g.Sum(e => e.Effect)))];

    public decimal Balance => Entries.Sum(e => e.Effect);

    /// <summary>Asks not yet paid nor withdrawn.</summary>
    public IReadOnlyList<FundEntry> Waiting =>
        [.. Entries.Where(e => e.Kind == FundEntryKind.ReimbursementAsked && !Entries.Any(x => x.RefersTo == e.Id))];
}
