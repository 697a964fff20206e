using MutualAid.Fund;
using MutualAid.Silo.Sqlite.Storage;

namespace MutualAid.Silo.Fund;

[GenerateSerializer, Alias("MutualAid.Silo.HubFundState")]
public sealed class HubFundState : IErasableState
{
    /// <summary>
    /// Append-only: a line is never changed or removed, only undone by a later reversal. Erasing a
    /// volunteer is the one exception: it takes their name out and leaves the figures.
    /// </summary>
    [Id(0)] public List<FundEntry> Entries { get; set; } = [];

    [Id(1)] public string Currency { get; set; } = HubFundGrain.DefaultCurrency;

    /// <summary>Volunteers erased since they were named here: money must not go to a person the network has forgotten.</summary>
    [Id(2)] public List<Guid> ErasedPayees { get; set; } = [];

    /// <summary>Asks the store for one erasing write; never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

[GenerateSerializer, Alias("MutualAid.Silo.FundReceiptState")]
public sealed class FundReceiptState
{
    [Id(0)] public FundReceipt? Receipt { get; set; }
}
