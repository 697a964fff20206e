using MutualAid.Notifications;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Silo.Notifications;

namespace MutualAid.Silo.Requests;

/// <summary>
/// Messages to people ride on the request's own write: <see cref="Commit"/> adds what the change
/// means to <see cref="RequestState.Outgoing"/>, and <see cref="OutboxHanding"/> gets them to the
/// hub's outbox after the write, never with a write of its own.
/// </summary>
public sealed partial class RequestGrain
{
    /// <summary>How long before a claim lapses the volunteer is warned.</summary>
    internal static readonly TimeSpan LapseWarning = TimeSpan.FromMinutes(10);

    private OutboxHanding? outbox;

    private OutboxHanding Outbox => outbox ??= new OutboxHanding(GrainFactory);

    /// <summary>
    /// The contact a volunteer's message may carry: the same rule as their pages (Access.CanSeePrivate),
    /// accepted and the claim not lapsed, or picked up. Only offered, they may still decline, and what
    /// a text has told cannot be taken back.
    /// </summary>
    public Task<ContactDetails?> ContactForVolunteer(Guid volunteerId) => Task.FromResult(
        View is { } view
        && view.HeldBy(volunteerId) is { State: AssignmentState.Accepted } held
        && (view.Status == RequestStatus.InProgress
            || (view.Status == RequestStatus.Assigned && held.ClaimExpiresAt is { } until && until > Now))
            ? view.Contact
            : null);

    /// <summary>What this change means for people, added to the state being written (acknowledged ones leave it).</summary>
    private async Task AddMessages(RequestState upcoming, RequestView? previous, Actor actor, AuditReason reason)
    {
        upcoming.Outgoing = Outbox.Unacknowledged(upcoming.Outgoing);
        var hubs = RequestMessages.NewlyOfferedTo(previous, upcoming.View!) is { } region
            ? (await GrainFactory.GetGrain<IRegionGrain>(region).GetOverview())?.Hubs ?? []
            : [];
        object? because = reason.Said is { } said ? said : reason.Typed;
        upcoming.Outgoing.AddRange(RequestMessages.Decide(previous, upcoming.View!, actor, because, hubs));
    }

    /// <summary>
    /// What every write keeps of the outboxes, whichever path added its messages (a command, a
    /// reminder's lapse or alarm, a warning): the hubs they go to, for an erasure to reach, and the
    /// erasures still owed.
    /// </summary>
    private void KeepOutboxes(RequestState next)
    {
        if (next.OutboxErasures.Count > 0) next.OutboxErasures = Outbox.Unforgotten(next.OutboxErasures);
        foreach (var message in next.Outgoing)
        {
            if (!next.OutboxHubs.Contains(message.Hub, StringComparer.Ordinal)) next.OutboxHubs.Add(message.Hub);
        }
    }

    /// <summary>One delivery target: a board (the redacted state) or an outbox (the messages waiting for it).</summary>
    private Task Deliver(string target) =>
        OutboxHanding.IsOutbox(target, out var hub)
            ? Outbox.Hand(hub, state.State.Outgoing)
            : OutboxHanding.IsForgetting(target, out var erasing)
            ? Outbox.Forget(erasing, o => o.Forget(View!.Id, state.State.ErasedVersion ?? View.Version))
            : Delivery.Board(target).RequestChanged(new MutualAid.Hubs.RequestNotice(View!.Redact(), View.Contact.MatchKey()) { ReopenedFrom = state.State.ReopenedFrom, HoursGiven = HoursGiven(View!), MovedFrom = state.State.MovedFrom, Volunteers = target == View.HubSlug ? carried : [] });

    private static double HoursGiven(RequestView view) =>
        view.Status == RequestStatus.Fulfilled ? (view.Assignment?.Hours ?? 0) + (view.Partner?.Hours ?? 0) : 0;

    /// <summary>
    /// The claim reminder's early tick: each volunteer hears once per claim that it is about to
    /// lapse. Not a command (nothing about the request changes), so no new version: one write of
    /// the messages and the marks that they were said.
    /// </summary>
    private async Task WarnLapsing(IReadOnlyList<Assignment> claims)
    {
        var unwarned = claims.Where(c => !LapseWarned(c)).ToArray();
        if (unwarned.Length == 0) return;
        var upcoming = state.State.Copy();
        // Marks of claims no longer running leave, so the field never outgrows the two places.
        upcoming.LapseWarnedFor = string.Join(' ', RunningClaims(View).Where(c => LapseWarned(c) || unwarned.Contains(c)).Select(LapseMark));
        upcoming.Outgoing = [.. Outbox.Unacknowledged(upcoming.Outgoing), .. unwarned.Select(c => RequestMessages.LapsingSoon(View!, c))];
        await Delivery.Arm();
        await Write(upcoming);
        AnnounceToHub();
    }

    /// <summary>When the claim reminder should next wake: the first warning still to give or lapse to end, across both places.</summary>
    private DateTimeOffset? ClaimWake(RequestView? view) =>
        RunningClaims(view)
            .Select(c => c.ClaimExpiresAt!.Value - LapseWarning > Now && !LapseWarned(c) ? c.ClaimExpiresAt.Value - LapseWarning : c.ClaimExpiresAt!.Value)
            .Select(at => (DateTimeOffset?)at)
            .Min();

    /// <summary>One claim: a new claim (even by the same person) is a new mark.</summary>
    private static string LapseMark(Assignment claim) => $"{claim.VolunteerId:N}@{claim.OfferedAt.UtcTicks}";

    private bool LapseWarned(Assignment claim) =>
        state.State.LapseWarnedFor?.Split(' ').Contains(LapseMark(claim), StringComparer.Ordinal) == true;
}
