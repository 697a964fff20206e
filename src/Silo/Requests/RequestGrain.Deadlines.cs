using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// A waiting request has a deadline from its hub's policy: past it, overdue; unassigned as long
/// again, offered to the region, where another hub of the region may take it over.
/// </summary>
public sealed partial class RequestGrain
{
    public async Task CheckDeadline()
    {
        var view = View;
        if (DeadlineDue(view) is not { } assignBy || state.State.WaitingSince is not { } since)
        {
            await Unregister(DeadlineReminder); // nothing further happens by the clock
            return;
        }

        var now = Now;
        var window = assignBy - since;
        if (now >= assignBy + window && (await Policy(view!.HubSlug)).Region is { } region)
        {
            var waited = (int)(now - since).TotalMinutes;
            var reason = Reason.UnassignedPastDeadline.Say(waited);
            // Offered, the deadline reminder goes with the write: the region takes it from here, so
            // the region's inbox is owed it in that same write.
            await Commit(view with { OverdueSince = view.OverdueSince ?? assignBy, OfferedToRegion = region },
                Actor.System, Phrase.Of("DidOfferToRegion", "offered this to region {0}", region), reason,
                next => OweEscalation(next, region, new EscalatedRequest(next.View!.Redact(), view.HubSlug, reason.ToString(), now) { ReasonSaid = reason }));
            Diagnostics.GrainMetrics.Escalations.Add(1, new KeyValuePair<string, object?>("by", "deadline"));
        }
        else if (now >= assignBy && view!.OverdueSince is null)
        {
            var waited = (int)(now - since).TotalMinutes;
            await Commit(view with { OverdueSince = now }, Actor.System, Phrase.Of("DidMarkOverdue", "marked this overdue"),
                Reason.NotAssignedInTime.Say(window.TotalMinutes, view.Urgency),
                next => { if (view.Urgency == Urgency.Critical) next.Outgoing.Add(RequestMessages.CriticalOverdue(next.View!, waited)); });
        }
    }

    public async Task<Result<RequestView>> TransferTo(TransferCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Transfer, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var current = View!;
        if (command.ToHubSlug == current.HubSlug) return Result<RequestView>.Refused(Reason.AlreadyOnHub);
        var target = await GrainFactory.GetGrain<IHubGrain>(command.ToHubSlug).GetSettings();
        if (target is null) return Result<RequestView>.Invalid(nameof(command.ToHubSlug), Reason.NoSuchHub, command.ToHubSlug);
        var region = current.OfferedToRegion ?? (await Policy(current.HubSlug)).Region;
        if (region is null) return Result<RequestView>.Refused(Reason.HubInNoRegion);
        // A need raised to the whole network may go to a hub of any region.
        if (target.RegionSlug != region && !current.RaisedToNetwork) return Result<RequestView>.Refused(Reason.OutsideRegion, region);

        Remember(command.ToHubSlug, target);
        var view = Withdrawn(current) with { HubSlug = command.ToHubSlug, Status = RequestStatus.Triaged, RaisedToNetwork = false };
        var result = await Commit(view, command.Actor, Phrase.Of("DidMove", "moved this from hub {0} to hub {1}", current.HubSlug, command.ToHubSlug),
            command.Reason, next =>
            {
                next.MovedFrom = current.HubSlug;
                EndJobs(next, current.Assignees);
            });
        AnnounceToHub(alsoTheOneItLeft: true);
        return result;
    }

    /// <summary>
    /// Keeps AssignBy/overdue/offered-to-region consistent with the status: a request that starts
    /// waiting for a volunteer (new, unassigned, reopened, moved hub) or changes urgency starts a fresh deadline; one
    /// that stops waiting has none. When it started waiting goes into <paramref name="upcoming"/>.
    /// </summary>
    private async Task<RequestView> WithDeadline(RequestView? previous, RequestView next, DateTimeOffset now, RequestState upcoming)
    {
        if (!RequestLifecycle.IsWaiting(next.Status))
        {
            upcoming.WaitingSince = null;
            return next with { AssignBy = null, OverdueSince = null, OfferedToRegion = null };
        }

        var window = (await Policy(next.HubSlug)).Deadlines.For(next.Urgency);
        // A new urgency is a new promise: its deadline counts from the moment it was set.
        var startsWaiting = previous is null || !RequestLifecycle.IsWaiting(previous.Status) || previous.HubSlug != next.HubSlug || previous.Urgency != next.Urgency;
        if (startsWaiting || upcoming.WaitingSince is null)
        {
            upcoming.WaitingSince = now;
            return next with { AssignBy = now + window, OverdueSince = null, OfferedToRegion = null };
        }

        return next with { AssignBy = upcoming.WaitingSince + window };
    }

    /// <summary>When the clock next has something to do; null once nothing waits on it (assigned, closed, or the region has it).</summary>
    private static DateTimeOffset? DeadlineDue(RequestView? view) =>
        view is { AssignBy: { } due, OfferedToRegion: null } ? due : null;
}
