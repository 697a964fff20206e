using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Requests;

/// <summary>
/// Claims are leases: a volunteer holds a request (and sees the contact details) until they pick
/// it up or the hub's window for its urgency runs out; the durable "claim" reminder ends it then.
/// </summary>
public sealed partial class RequestGrain
{
    private const string RevealKey = "DidSeeContact";

    public async Task<Result<RequestView>> Claim(ClaimCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Claiming is taking a job for oneself, so "only your own jobs" means only for yourself.
        if (command.AsVolunteer is { } self && self != command.VolunteerId) return Result<RequestView>.NotFound(Reason.NotYours);
        if (Check(RequestAction.Assign, command with { AsVolunteer = null }, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var current = View!;
        if (current.HeldBy(command.VolunteerId) is { } mine) return Result<RequestView>.Refused(Reason.AlreadyAssigned, mine.VolunteerName);
        // A pair with a free place can be claimed into it.
        if (current.Assignment is { } taken && !(current.NeedsTwo && current.Partner is null)) return Result<RequestView>.Refused(Reason.AlreadyTaken, taken.VolunteerName);
        if (BadEstimate(command.EstimatedHours) is { } badEstimate) return badEstimate;

        // A volunteer cannot override their own vetting.
        if (Refusal(await Screen(command.VolunteerId, current), current.Category, overridden: false) is { } refused) return refused;

        var volunteer = GrainFactory.GetGrain<IVolunteerGrain>(command.VolunteerId);
        var reserved = await volunteer.ReserveClaim(current.Id, current.HubSlug, command.EstimatedHours);
        if (!reserved.IsOk) return reserved.As<RequestView>();
        var name = reserved.Value!.VolunteerName;
        var claimUntil = Now + (await Policy(current.HubSlug)).Claims.For(current.Urgency);
        var assignment = new Assignment(command.VolunteerId, name, AssignmentState.Accepted, command.Actor, Now, Now, null, null)
        {
            ClaimExpiresAt = claimUntil,
            EstimatedHours = command.EstimatedHours,
            Claimed = true,
            ReservedAt = reserved.Value.ReservedAt,
        };
        var view = Placed(current, null, assignment);
        return await CommitReserved(volunteer, reserved.Value!, view, command.Actor, HolderPhrase.Of(command.Actor, name, "DidClaim", "claimed this for {0}", "claimed this"), null);
    }

    public async Task CheckClaim()
    {
        if (ClaimDue(View) is null)
        {
            await Unregister(ClaimReminder); // nothing runs out any more
            return;
        }

        var view = View!;
        var now = Now;
        // Each volunteer of a pair holds their own lease (a claim into the free place, or a partner's
        // accept): every one that ran out lapses, whichever place it is in.
        var lapsing = RunningClaims(view).Where(c => now >= c.ClaimExpiresAt).ToArray();
        if (lapsing.Length == 0)
        {
            // The early tick warns whoever is about to lapse; any tick before the end (a clock change too) waits again.
            var soon = RunningClaims(view).Where(c => now >= c.ClaimExpiresAt - LapseWarning).ToArray();
            if (soon.Length > 0) await WarnLapsing(soon);
            await Register(ClaimReminder, ClaimWake(View)!.Value);
            return;
        }

        var first = lapsing.MinBy(c => c.ClaimExpiresAt)!;
        var window = first.ClaimExpiresAt!.Value - (first.AnsweredAt ?? first.OfferedAt);
        var ended = lapsing.Select(c => c with { State = AssignmentState.Withdrawn, AnsweredAt = now, ClaimExpiresAt = null }).ToArray();
        await ReturnToTriage(ended, Actor.System,
            Phrase.Of("DidLetClaimLapse", "let {0}'s claim lapse", string.Join(" & ", lapsing.Select(c => c.VolunteerName))), Reason.NotPickedUpInTime.Say(window.TotalMinutes), givenBack: true,
            alsoChange: next => next.Outgoing.AddRange(lapsing.Select(c => RequestMessages.Lapsed(next.View!, c))));
        Diagnostics.GrainMetrics.ClaimsLapsed.Add(lapsing.Length);
        foreach (var claim in lapsing)
        {
            await GrainFactory.GetGrain<IVolunteerGrain>(claim.VolunteerId)
                .Tell(view.HubSlug, Reason.ClaimLapsed.Say(view.ReferenceCode, view.Category, view.Area));
        }
    }

    public async Task RecordReveal(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Coalesced per assignment, not per look: one claim is one line whether the page is opened
        // once or reloaded all afternoon, and a new claim (even by the same person) is a new line.
        if (View?.Assignment is not { } assignment) return;
        var key = $"{assignment.VolunteerId:N}@{assignment.OfferedAt.UtcTicks}";
        if (state.State.RevealRecordedFor == key) return;
        var upcoming = state.State.Copy();
        upcoming.RevealRecordedFor = key;
        upcoming.Audit.Add(new AuditEntry(View.Version, Now, actor, Phrase.Of("DidSeeContact", "saw the contact details"), null));
        await Write(upcoming);
    }

    /// <summary>When the first running claim lapses; null when none runs (offered, picked up, or no one holds it).</summary>
    private static DateTimeOffset? ClaimDue(RequestView? view) => RunningClaims(view).Min(c => c.ClaimExpiresAt);

    /// <summary>
    /// The leases the clock can end: accepted and not yet picked up, in either place, while the request
    /// is assigned or, held by one of a pair, still waits for the other. A lone claim holds the job and
    /// the volunteer's time as any claim does, so it runs out on its own window, not when a partner comes.
    /// </summary>
    private static IEnumerable<Assignment> RunningClaims(RequestView? view) =>
        view is not null && RequestLifecycle.ClaimRuns(view.Status)
            ? view.Assignees.Where(a => a is { State: AssignmentState.Accepted, ClaimExpiresAt: not null })
            : [];
}
