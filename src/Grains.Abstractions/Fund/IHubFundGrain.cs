namespace MutualAid.Fund;

/// <summary>
/// A hub's fund (key: the hub's slug): an append-only ledger of money in and out. It calls no
/// other grain, so anything may ask it. Who may do what is the web tier's check; the grain keeps
/// the rules that hold for everyone (a coordinator never approves their own ask; one ask pays once).
/// </summary>
[Alias("MutualAid.IHubFundGrain")]
public interface IHubFundGrain : IGrainWithStringKey
{
    /// <summary>Money in and out recorded at or after <paramref name="since"/>, by category.</summary>
    [Alias("GetTotals")] Task<FundTotals> GetTotals(DateTimeOffset since);

    /// <summary>Every entry, oldest first, donors' names included: for the hub's coordinators only.</summary>
    [Alias("GetLedger")] Task<FundLedger> GetLedger();

    /// <summary>
    /// The reimbursement asks <paramref name="askedBy"/> (a user id) made or that pay
    /// <paramref name="payee"/>, newest first, each with what became of it.
    /// </summary>
    [Alias("GetAsks")] Task<IReadOnlyList<FundAsk>> GetAsks(string askedBy, Guid? payee);

    /// <summary>Records a donation or a purchase, or asks to reimburse a volunteer.</summary>
    [Alias("Record")] Task<Result<FundEntry>> Record(NewFundEntry entry);

    /// <summary>
    /// Pays the ask <paramref name="askId"/>. Idempotent by the ask's id: however many approvals
    /// arrive, it is paid once and the others are told who approved it.
    /// </summary>
    [Alias("Approve")] Task<Result<FundEntry>> Approve(Guid askId, Actor approver);

    /// <summary>Undoes an entry with a reversing one (an ask not yet paid is withdrawn).</summary>
    [Alias("Reverse")] Task<Result<FundEntry>> Reverse(Guid entryId, string note, Actor actor);

    /// <summary>
    /// An erased volunteer's name leaves the ledger: the lines that pay them or that they recorded
    /// read "[erased]" (what they typed loses their names too); amounts, kinds and dates stay, so the
    /// money still adds up. From then on nothing more is paid to them. Idempotent.
    /// </summary>
    [Alias("ForgetVolunteer")] Task ForgetVolunteer(MutualAid.Requests.ForgetVolunteer command);

    /// <summary>Sets the currency, only while the ledger is empty (amounts would change meaning).</summary>
    [Alias("SetCurrency")] Task<Result<string>> SetCurrency(string currency, Actor actor);
}
