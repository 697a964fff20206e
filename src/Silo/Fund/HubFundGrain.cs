using MutualAid.Fund;

namespace MutualAid.Silo.Fund;

/// <summary>A hub's fund. The ledger itself is being built (issue 21 item 1); until then it holds no entries.</summary>
public sealed class HubFundGrain : Grain, IHubFundGrain
{
    public Task<FundTotals> GetTotals(DateTimeOffset since) => Task.FromResult(FundTotals.None("EUR"));
}
