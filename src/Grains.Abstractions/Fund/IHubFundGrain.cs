namespace MutualAid.Fund;

/// <summary>
/// A hub's fund (key: the hub's slug): an append-only ledger of money in and out. It calls no
/// other grain, so anything may ask it.
/// </summary>
[Alias("MutualAid.IHubFundGrain")]
public interface IHubFundGrain : IGrainWithStringKey
{
    /// <summary>Money in and out recorded at or after <paramref name="since"/>, by category.</summary>
    [Alias("GetTotals")] Task<FundTotals> GetTotals(DateTimeOffset since);
}
