using MutualAid.Fund;

namespace MutualAid.Silo.Fund;

/// <summary>A receipt photo, stored once and bounded in size (the web tier checks its kind and size first).</summary>
public sealed class FundReceiptGrain([PersistentState("receipt")] IPersistentState<FundReceiptState> state) : Grain, IFundReceiptGrain
{
    public async Task<Result<bool>> Store(FundReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Bytes.Length is 0 or > IFundReceiptGrain.MaxBytes) return Result<bool>.Invalid("Receipt", Reason.FundReceiptTooBig, IFundReceiptGrain.MaxBytes / 1024);
        if (!FundReceipt.Kinds.Contains(receipt.ContentType)) return Result<bool>.Invalid("Receipt", Reason.FundReceiptKind);
        if (state.State.Receipt is not null) return Result<bool>.Ok(false);
        state.State.Receipt = receipt;
        await state.WriteStateAsync();
        return Result<bool>.Ok(true);
    }

    public Task<FundReceipt?> Read() => Task.FromResult(state.State.Receipt);
}
