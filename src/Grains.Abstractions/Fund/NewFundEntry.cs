using MutualAid.Requests;

namespace MutualAid.Fund;

/// <summary>
/// A donation, a purchase, or an ask to reimburse a volunteer, as a person enters it. The grain
/// gives it its id, time and place in the ledger.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.NewFundEntry")]
public sealed record NewFundEntry(
    [property: Id(0)] FundEntryKind Kind,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] RequestCategory Category,
    [property: Id(3)] string Note,
    [property: Id(4)] Actor RecordedBy)
{
    public const decimal MaxAmount = 1_000_000m;
    public const int MaxNote = 500;
    public const int MaxName = 100;

    [Id(5)] public string? DonorName { get; init; }

    [Id(6)] public bool Anonymous { get; init; }

    [Id(7)] public Guid? PayeeVolunteerId { get; init; }

    [Id(8)] public string? PayeeName { get; init; }

    [Id(9)] public Guid? RequestId { get; init; }

    /// <summary>Set by the web tier when a receipt photo was stored under this id first; also the entry's id.</summary>
    [Id(10)] public Guid? ReceiptId { get; init; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Kind is not (FundEntryKind.Donation or FundEntryKind.Purchase or FundEntryKind.ReimbursementAsked)) errors.Add(FieldError.Of(nameof(Kind), Reason.FundChooseKind));
        if (Amount is <= 0m or > MaxAmount || decimal.Round(Amount, 2) != Amount) errors.Add(FieldError.Of(nameof(Amount), Reason.FundAmountRange, MaxAmount));
        if (!Enum.IsDefined(Category)) errors.Add(FieldError.Of(nameof(Category), Reason.ChooseCategory));
        if (Kind == FundEntryKind.Donation) Text.Optional(errors, nameof(Note), Note, MaxNote, multiLine: true);
        else Text.Require(errors, nameof(Note), Note, MaxNote, Reason.FundSayWhatFor, multiLine: true);
        Text.Optional(errors, nameof(DonorName), DonorName, MaxName);
        Text.Optional(errors, nameof(PayeeName), PayeeName, MaxName);
        if (Kind == FundEntryKind.ReimbursementAsked && PayeeVolunteerId is null) errors.Add(FieldError.Of(nameof(PayeeVolunteerId), Reason.FundChoosePayee));
        return errors;
    }
}
