namespace MutualAid.Fund;

/// <summary>
/// A receipt photo (key: the ledger entry's id), kept apart from the ledger so the ledger's
/// writes stay small. Written once; a leaf.
/// </summary>
[Alias("MutualAid.IFundReceiptGrain")]
public interface IFundReceiptGrain : IGrainWithGuidKey
{
    public const int MaxBytes = 512 * 1024;

    [Alias("Store")] Task<Result<bool>> Store(FundReceipt receipt);

    [Alias("Read")] Task<FundReceipt?> Read();
}

[GenerateSerializer, Immutable, Alias("MutualAid.FundReceipt")]
public sealed record FundReceipt(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] string ContentType,
    [property: Id(2)] byte[] Bytes)
{
    public static readonly IReadOnlyList<string> Kinds = ["image/jpeg", "image/png", "image/webp"];
}
