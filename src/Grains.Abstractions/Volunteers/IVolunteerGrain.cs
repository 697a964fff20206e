namespace MutualAid.Volunteers;

/// <summary>
/// Owns a volunteer's limits and load. It is only ever called (by the web tier and by request
/// grains reserving capacity); it never calls a request grain, so assignment cannot deadlock.
/// </summary>
[Alias("MutualAid.IVolunteerGrain")]
public interface IVolunteerGrain : IGrainWithGuidKey
{
    [Alias("Register")] Task<Result<VolunteerView>> Register(VolunteerProfile profile, Common.Actor actor);

    /// <summary>
    /// Binds the volunteer to a sign-in account and adds the hub: registers a new volunteer named
    /// <paramref name="name"/> when none exists here yet. Idempotent, so a join cut short by a crash
    /// is finished by asking again. Refused when another account already holds this volunteer.
    /// </summary>
    [Alias("Join")] Task<Result<VolunteerView>> Join(string hubSlug, string accountEmail, string name, Common.Actor actor);

    /// <summary>The volunteer no longer serves this hub (their role there was removed); its board drops them.</summary>
    [Alias("LeaveHub")] Task<Result<VolunteerView>> LeaveHub(string hubSlug, Common.Actor actor);

    [Alias("UpdateProfile")] Task<Result<VolunteerView>> UpdateProfile(VolunteerProfile profile, Common.Actor actor);

    [Alias("GetView")] Task<VolunteerView?> GetView();

    [Alias("SetOnDuty")] Task<Result<VolunteerView>> SetOnDuty(bool onDuty, Common.Actor actor);

    [Alias("CheckIn")] Task<Result<VolunteerView>> CheckIn(Common.Actor actor);

    /// <summary>
    /// Their sign-in account was disabled (<paramref name="suspended"/>) or enabled again by a network
    /// admin. While suspended they are off duty, cannot go on duty and are refused every new job
    /// (<see cref="Reason.VolunteerSuspended"/>): a disabled account must stop the person, not only
    /// their sign-in, since texts and emails reach them without one. Idempotent.
    /// </summary>
    [Alias("Suspend")] Task<Result<VolunteerView>> Suspend(bool suspended, Common.Actor actor);

    /// <summary>
    /// Holds capacity for a request; refuses with the reason when a limit would be broken. Asked
    /// again for a request it holds, it answers the same reservation made anew (a later
    /// <see cref="Reservation.ReservedAt"/>), so an end decided before cannot take it.
    /// </summary>
    [Alias("Reserve")] Task<Result<Reservation>> Reserve(Guid requestId, string hubSlug, double estimatedHours);

    /// <summary>
    /// As <see cref="Reserve"/>, but a coordinator has decided to pass the volunteer's load, hours
    /// and rest limits for <paramref name="reason"/>. Off duty and other hubs still refuse.
    /// </summary>
    [Alias("ReserveOverridingLimits")] Task<Result<Reservation>> ReserveOverridingLimits(Guid requestId, string hubSlug, double estimatedHours, string reason);

    /// <summary>
    /// As <see cref="Reserve"/>, for a request the volunteer takes themselves: also refused (with
    /// the reason as a phrase) while their claiming is held for giving back too many claims.
    /// </summary>
    [Alias("ReserveClaim")] Task<Result<Reservation>> ReserveClaim(Guid requestId, string hubSlug, double estimatedHours);

    /// <summary>
    /// Releases a reservation the volunteer gave back after seeing the contact details (declined,
    /// unassigned themselves, let the claim lapse). More than <paramref name="allowedPerHour"/>
    /// within an hour holds their claiming until a coordinator clears it. Idempotent per request.
    /// Requests of this build say it with <see cref="EndJob"/>; kept for a silo of the previous build.
    /// </summary>
    [Alias("GiveBack")] Task GiveBack(Guid requestId, int allowedPerHour);

    /// <summary>A coordinator lets a held volunteer claim again; the volunteer's trail keeps who.</summary>
    [Alias("ClearClaimsHold")] Task<Result<VolunteerView>> ClearClaimsHold(Common.Actor actor);

    /// <summary>Who held and cleared this volunteer's claiming, oldest first.</summary>
    [Alias("GetAudit")] Task<IReadOnlyList<Requests.AuditEntry>> GetAudit();

    /// <summary>Every request that ever reserved this volunteer's time, so each can be told when they are erased.</summary>
    [Alias("GetRequestsNamingThem")] Task<IReadOnlyList<Guid>> GetRequestsNamingThem();

    /// <summary>Idempotent: releasing a reservation that is not held is not an error.</summary>
    [Alias("Release")] Task Release(Guid requestId);

    /// <summary>Releases the reservation and banks the hours given.</summary>
    [Alias("Complete")] Task Complete(Guid requestId, double hours);

    /// <summary>
    /// As <see cref="Complete"/>, for a request that tells its own hub: answers the volunteer's new
    /// board row (null when there is no volunteer or the job was already banked) for the request's
    /// notice to carry, and leaves that hub to the volunteer's ordinary re-send instead of racing
    /// the request there with a notice of its own. A new alias rather than a new answer under
    /// "Complete", so a silo of the previous build can still call (and be called by) this one.
    /// Requests of this build say it with <see cref="EndJob"/>.
    /// </summary>
    [Alias("CompleteWithRow")] Task<VolunteerSummary?> CompleteWithRow(Guid requestId, double hours);

    /// <summary>
    /// Ends the volunteer's job on a request as the request decided it (released, given back or
    /// completed); idempotent, and a reservation made again since <see cref="JobEnd.ReservedAt"/>
    /// stays. Answers the volunteer's new board row for the request's own notice to carry on a
    /// completion (null otherwise, or with no volunteer, or when nothing changed).
    /// </summary>
    [Alias("EndJob")] Task<VolunteerSummary?> EndJob(Guid requestId, JobEnd ending);

    /// <summary>
    /// Hours given, by week (the last <paramref name="weeks"/> weeks) and in total, and when they last
    /// took something on. With <paramref name="hubSlug"/>, only what was given to that hub.
    /// </summary>
    [Alias("GetTimeBank")] Task<TimeBankStatement?> GetTimeBank(string? hubSlug, int weeks);

    /// <summary>Leaves the volunteer a message they see on their page (the latest few are kept).</summary>
    [Alias("Tell")] Task Tell(string message);

    /// <summary>Leaves the volunteer a message the system writes, said in the language they read.</summary>
    [Alias("TellSaid")] Task Tell(Common.Phrase said);

    /// <summary>A message the system writes about something on <paramref name="hubSlug"/>: only that hub's coordinators see it beside the volunteer.</summary>
    [Alias("TellSaidOnHub")] Task Tell(string hubSlug, Common.Phrase said);

    /// <summary>
    /// A coordinator of <paramref name="hubSlug"/> writes to the volunteer: on their page, and through
    /// that hub's outbox by the channels the volunteer chose.
    /// </summary>
    [Alias("TellFromHub")] Task Tell(string hubSlug, Common.Actor from, string message);

    /// <summary>Keeps a thank-you for a job they did and shows it on their page; idempotent per note.</summary>
    [Alias("Thank")] Task Thank(Thanks.ThankYouNote note);

    /// <summary>What they gave <paramref name="hubSlug"/> since <paramref name="since"/>, as counts only.</summary>
    [Alias("GetTogetherShare")] Task<Thanks.TogetherShare> GetTogetherShare(string hubSlug, DateTimeOffset since);

    /// <summary>Right to erasure: name, contact, skills and languages go; hours given stay for the hub's totals.</summary>
    [Alias("ErasePersonalData")] Task<Result<VolunteerView>> ErasePersonalData(Common.Actor actor);

    /// <summary>
    /// A coordinator of <paramref name="toHub"/> (another hub of one of the volunteer's regions) asks
    /// to borrow them for <paramref name="day"/>; nothing changes until they agree. Idempotent per loan.
    /// </summary>
    [Alias("AskToBorrow")] Task<Result<VolunteerLoan>> AskToBorrow(Guid loanId, string toHub, DateOnly day, Common.Actor actor);

    /// <summary>The volunteer agrees to (or declines) a loan; agreed, they are on that hub's board for the day.</summary>
    [Alias("AnswerLoan")] Task<Result<VolunteerLoan>> AnswerLoan(Guid loanId, bool agree, Common.Actor actor);

    /// <summary>Loans asked for, agreed or declined, that are today or later.</summary>
    [Alias("GetLoans")] Task<IReadOnlyList<VolunteerLoan>> GetLoans();

    /// <summary>Starts and ends the day's loans on the boards; the daily "lend-" reminder calls it, and so may anyone (idempotent).</summary>
    [Alias("CheckLoans")] Task CheckLoans();
}
