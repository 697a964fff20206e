namespace MutualAid.Fund;

/// <summary>What a ledger line is. Only some move money; an ask waits for another coordinator's approval.</summary>
[GenerateSerializer, Alias("MutualAid.FundEntryKind")]
public enum FundEntryKind
{
    /// <summary>Money in.</summary>
    Donation = 0,
    /// <summary>Money out, spent by the hub itself.</summary>
    Purchase = 1,
    /// <summary>A volunteer's spending, asked to be paid back. Moves no money until approved.</summary>
    ReimbursementAsked = 2,
    /// <summary>Money out: an ask approved by a coordinator other than the one who asked.</summary>
    ReimbursementPaid = 3,
    /// <summary>Undoes an earlier entry (a mistake, or an ask withdrawn); entries are never edited.</summary>
    Reversal = 4,
}
