namespace MutualAid.Fund;

/// <summary>
/// A reimbursement ask as the person who made it, or the volunteer it pays, follows it: the ask's
/// own line and what became of it, never the rest of the ledger (donors stay with coordinators).
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.FundAsk")]
public sealed record FundAsk(
    [property: Id(0)] FundEntry Ask,
    [property: Id(1)] FundAskState State,
    [property: Id(2)] DateTimeOffset? SettledAt);

/// <summary>Where an ask stands: waiting for another coordinator, paid, or withdrawn (reversed before payment).</summary>
[GenerateSerializer, Alias("MutualAid.FundAskState")]
public enum FundAskState
{
    Waiting = 0,
    Paid = 1,
    Withdrawn = 2,
}
