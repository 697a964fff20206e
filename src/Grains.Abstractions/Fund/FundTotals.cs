namespace MutualAid.Fund;

/// <summary>
/// A hub fund's money in and out since a date, by category, with no names: what the public
/// transparency page shows. Sums of the ledger's entries, never a stored running figure.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.FundTotals")]
public sealed record FundTotals(
    [property: Id(0)] string Currency,
    [property: Id(1)] IReadOnlyList<FundCategoryAmount> In,
    [property: Id(2)] IReadOnlyList<FundCategoryAmount> Out)
{
    public static FundTotals None(string currency) => new(currency, [], []);

    public decimal TotalIn => In.Sum(line => line.Amount);

    public decimal TotalOut => Out.Sum(line => line.Amount);
}

/// <summary>One category's sum in a <see cref="FundTotals"/>.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.FundCategoryAmount")]
public sealed record FundCategoryAmount(
    [property: Id(0)] string Category,
    [property: Id(1)] decimal Amount);
