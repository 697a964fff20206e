using MutualAid.Requests;

namespace MutualAid.Fund;

/// <summary>
/// One line of a hub's ledger, never edited once written. <see cref="Amount"/> is always positive;
/// <see cref="Effect"/> says which way it moved the balance. Donor names are for coordinators only.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.FundEntry")]
public sealed record FundEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] FundEntryKind Kind,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] RequestCategory Category,
    [property: Id(4)] string Note,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] Actor RecordedBy)
{
    /// <summary>A donor who gave a name; null when they gave none.</summary>
    [Id(7)] public string? DonorName { get; init; }

    /// <summary>The donor asked not to be named: only coordinators ever see <see cref="DonorName"/>.</summary>
    [Id(8)] public bool Anonymous { get; init; }

    /// <summary>The volunteer a reimbursement pays back.</summary>
    [Id(9)] public Guid? PayeeVolunteerId { get; init; }

    [Id(10)] public string? PayeeName { get; init; }

    /// <summary>The request the spending served.</summary>
    [Id(11)] public Guid? RequestId { get; init; }

    /// <summary>A payment: the ask it pays; a reversal: the entry it undoes.</summary>
    [Id(12)] public Guid? RefersTo { get; init; }

    /// <summary>A receipt photo kept beside the ledger (its own grain, keyed by this entry's id).</summary>
    [Id(13)] public bool HasReceiptPhoto { get; init; }

    /// <summary>For a reversal: which way the entry it undoes had moved money (so the reversal moves it back).</summary>
    [Id(14)] public decimal ReversedEffect { get; init; }

    /// <summary>This entry's effect on the balance: in positive, out negative, an ask nothing.</summary>
    public decimal Effect => Kind switch
    {
        FundEntryKind.Donation => Amount,
        FundEntryKind.Purchase or FundEntryKind.ReimbursementPaid => -Amount,
        FundEntryKind.Reversal => -ReversedEffect,
        _ => 0m,
    };

    /// <summary>The line as someone who may not know donors sees it.</summary>
    public FundEntry WithoutDonor() => Anonymous ? this with { DonorName = null } : this;
}
