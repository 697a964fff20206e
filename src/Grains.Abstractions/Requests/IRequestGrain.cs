namespace MutualAid.Requests;

/// <summary>
/// Owns the truth of one request. Assignment is decided here, in one turn, so two dispatchers
/// can never both win. Calls out only downwards (volunteer capacity) and sideways to its hub
/// projection; nothing calls back into it while it waits.
/// </summary>
[Alias("MutualAid.IRequestGrain")]
public interface IRequestGrain : IGrainWithGuidKey
{
    [Alias("Create")] Task<Result<RequestView>> Create(NewRequest request);

    /// <summary>PRIVATE view; callers must check the reader may see it. Null when not created.</summary>
    [Alias("GetView")] Task<RequestView?> GetView();

    [Alias("GetSummary")] Task<RequestSummary?> GetSummary();

    /// <summary>
    /// The requester's contact details for a message to <paramref name="volunteerId"/>, asked at
    /// send time: only while that volunteer holds the request (assigned, accepted or picked up);
    /// null otherwise, so a message sent after a lapse or reassignment carries no address.
    /// </summary>
    [Alias("ContactForVolunteer")] Task<ContactDetails?> ContactForVolunteer(Guid volunteerId);

    [Alias("GetAudit")] Task<IReadOnlyList<AuditEntry>> GetAudit();

    [Alias("Triage")] Task<Result<RequestView>> Triage(TriageCommand command);

    /// <summary>Assigns, or reassigns when already assigned, reserving the volunteer's capacity.</summary>
    [Alias("Assign")] Task<Result<RequestView>> Assign(AssignCommand command);

    [Alias("Unassign")] Task<Result<RequestView>> Unassign(RequestCommand command);

    /// <summary>The assigned volunteer accepts the offered assignment.</summary>
    [Alias("Accept")] Task<Result<RequestView>> Accept(RequestCommand command);

    /// <summary>The assigned volunteer declines; the request returns to triage.</summary>
    [Alias("Decline")] Task<Result<RequestView>> Decline(RequestCommand command);

    /// <summary>Picked up / under way.</summary>
    [Alias("Start")] Task<Result<RequestView>> Start(RequestCommand command);

    [Alias("Fulfil")] Task<Result<RequestView>> Fulfil(FulfilCommand command);

    [Alias("Cancel")] Task<Result<RequestView>> Cancel(RequestCommand command);

    [Alias("Escalate")] Task<Result<RequestView>> Escalate(EscalateCommand command);

    [Alias("Reopen")] Task<Result<RequestView>> Reopen(RequestCommand command);

    /// <summary>A hub of the same region takes the request over; it moves boards with its audit trail.</summary>
    [Alias("TransferTo")] Task<Result<RequestView>> TransferTo(TransferCommand command);

    /// <summary>
    /// The region raises a critical need it was offered (escalated, or past its deadline) to the
    /// whole network, where a hub of any region may take it over.
    /// </summary>
    [Alias("RaiseToNetwork")] Task<Result<RequestView>> RaiseToNetwork(RequestCommand command);

    /// <summary>
    /// Applies the hub's deadline: marks the request overdue, then offers it to the region.
    /// Driven by a durable reminder; idempotent, so it is safe to call at any time.
    /// </summary>
    [Alias("CheckDeadline")] Task CheckDeadline();

    /// <summary>
    /// Merging duplicates, step 1 (on the request that survives): takes in the duplicate's audit
    /// trail and drops it from the possible duplicates. Idempotent per duplicate. The web tier
    /// orchestrates both steps, so request grains never call each other and cannot deadlock.
    /// </summary>
    [Alias("AbsorbDuplicate")] Task<Result<RequestView>> AbsorbDuplicate(RequestSummary duplicate, IReadOnlyList<AuditEntry> audit, Actor actor);

    /// <summary>Merging duplicates, step 2 (on the duplicate): closes it as merged into the survivor.</summary>
    [Alias("MarkMerged")] Task<Result<RequestView>> MarkMerged(MergeCommand command);

    /// <summary>
    /// A volunteer takes a waiting request themselves: assigned to them and accepted at once, so
    /// their claim starts. Refused beyond their limits, like any assignment.
    /// </summary>
    [Alias("Claim")] Task<Result<RequestView>> Claim(ClaimCommand command);

    /// <summary>Lapses a claim that ran out before pick-up. Driven by a durable reminder; idempotent.</summary>
    [Alias("CheckClaim")] Task CheckClaim();

    /// <summary>
    /// The web tier handed the contact details to the assigned volunteer: an audit line ("Priya saw
    /// the contact details"), once per assignment however often their page reloads. Not a change
    /// of the request, so its version stays and the volunteer's next command is not stale.
    /// </summary>
    [Alias("RecordReveal")] Task RecordReveal(Actor actor);

    /// <summary>
    /// The hub's staff unlocked this request's /status code after too many wrong digits: an audit
    /// line (who, when). Like a reveal, not a change of the request: the version stays and the board
    /// hears nothing. Answers the line written.
    /// </summary>
    [Alias("RecordStatusUnlock")] Task<Result<AuditEntry>> RecordStatusUnlock(StatusUnlock command);

    /// <summary>
    /// Right to erasure: contact, location, notes and the need's wording are replaced by a tombstone
    /// that keeps the hub's counts and the audit trail. An open request is cancelled first.
    /// </summary>
    [Alias("ErasePersonalData")] Task<Result<RequestView>> ErasePersonalData(RequestCommand command);

    /// <summary>Re-triage: changes the fields the command sets, in one write; a new urgency starts a fresh deadline from now.</summary>
    [Alias("EditRequest")] Task<Result<RequestView>> Edit(EditRequest command);

    /// <summary>
    /// Adds to the contact log. Like a reveal, not a change of the request: the version stays and
    /// the board hears nothing, so nobody's next command turns stale over a note.
    /// </summary>
    [Alias("AddCaseNote")] Task<Result<CaseNote>> AddNote(AddNote command);

    /// <summary>
    /// Thanks the volunteer who delivered this request: the note goes to them, an audit line (who
    /// thanked, never the words) stays here. Only once it is delivered; idempotent per note id.
    /// </summary>
    [Alias("Thank")] Task<Result<Thanks.ThankYouNote>> Thank(Thanks.ThankCommand command);

    /// <summary>The contact log, newest first; scoped to a volunteer, only their own job's entries marked for them.</summary>
    /// <summary>
    /// "I'm here": a volunteer holding a visit arrived. Starts the durable safe-arrival timer. Not
    /// checked against a version: someone on a doorstep is never refused as stale.
    /// </summary>
    [Alias("Arrive")] Task<Result<RequestView>> Arrive(RequestCommand command);

    /// <summary>
    /// "I've left safely": scoped to a volunteer, that volunteer; from a dispatcher (who called
    /// them), everyone who arrived. Clears an open alarm once all who arrived are out.
    /// </summary>
    [Alias("LeaveSafely")] Task<Result<RequestView>> LeaveSafely(RequestCommand command);

    /// <summary>A coordinator or dispatcher takes the safe-arrival alarm on: it no longer escalates.</summary>
    [Alias("AcknowledgeAlarm")] Task<Result<RequestView>> AcknowledgeAlarm(RequestCommand command);

    /// <summary>Raises the safe-arrival alarm, then escalates it. Driven by the durable "arrival-" reminder; idempotent.</summary>
    [Alias("CheckArrival")] Task CheckArrival();

    [Alias("GetCaseNotes")] Task<Result<IReadOnlyList<CaseNote>>> GetNotes(NoteScope scope);

    /// <summary>
    /// A volunteer holds time for this request: if the request does not hold them (a crash between
    /// their reservation and the request's write left it behind), it ends that reservation. One way,
    /// so a volunteer never waits on a request; taken in turn, after any command in flight here.
    /// </summary>
    [Alias("CheckHolds"), OneWay] Task CheckHolds(Guid volunteerId, DateTimeOffset reservedAt);

    /// <summary>
    /// Takes a volunteer who is being erased out of this request's history: their name on its
    /// assignments and in its lines, and the lines their own accounts wrote. Refused while they
    /// still hold the request. Idempotent: a second call finds nothing left and writes nothing.
    /// </summary>
    [Alias("ForgetVolunteer")] Task<Result<RequestView>> ForgetVolunteer(ForgetVolunteer command);
}
