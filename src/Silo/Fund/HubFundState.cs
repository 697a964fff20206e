using MutualAid.Fund;

namespace MutualAid.Silo.Fund;

[GenerateSerializer, Alias("MutualAid.Silo.HubFundState")]
public sealed class HubFundState
{
    /// <summary>Append-only: a line is never changed or removed, only undone by a later reversal.</summary>
    [Id(0)] public List<FundEntry> Entries { get; set; } = [];

    [Id(1)] public string Currency { get; set; } = HubFundGrain.DefaultCurrency;
}

[GenerateSerializer, Alias("MutualAid.Silo.FundReceiptState")]
public sealed class FundReceiptState
{
    [Id(0)] public FundReceipt? Receipt { get; set; }
}
