using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// Safe arrival: on a visit the volunteers say "I'm here" and "I've left safely". The timer starts
/// at "I'm here" (not at assignment: until someone is at the door nobody is at risk there, and a
/// visit planned for tomorrow must not ring tonight); if "left safely" is not recorded within the
/// expected visit plus the hub's margin, the durable "arrival-alarm" reminder raises an alarm that
/// travels on the request's summary to every board of the hub, and escalates it to the region and
/// the hub's coordinators when nobody acknowledges it in time.
/// </summary>
public sealed partial class RequestGrain
{
    private const string ArrivalReminder = "arrival-alarm";

    public async Task<Result<RequestView>> Arrive(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (CheckVisit(command) is { } failure) return failure;
        var view = View!;
        if (view.Status is not (RequestStatus.Assigned or RequestStatus.InProgress)) return Result<RequestView>.Refused(Reason.NotNow, RequestAction.Start, view.Status);
        // "I'm here" picks the job up and shows the requester's contact: a volunteer who has not said yes
        // says so first. A dispatcher who heard it by phone (no AsVolunteer) records it for them.
        if (command.AsVolunteer is { } self && view.HeldBy(self) is { State: AssignmentState.Offered }) return Result<RequestView>.Refused(Reason.AcceptBeforeArriving);

        var who = Volunteers(command, view.Assignees.Select(a => a.VolunteerId));
        var now = Now;
        var rules = (await ArrivalRules(view.HubSlug)).Rules;
        var visit = view.Arrival is { LeftAt: null } running
            ? running
            : new ArrivalRecord(now, now + (view.ExpectedVisit ?? rules.ExpectedVisit) + rules.Margin);
        if (who.All(visit.Here.Contains)) return Result<RequestView>.Refused(Reason.AlreadyHere);

        // Someone at the door has picked the job up: their claim must not lapse under them.
        var next = view with
        {
            Status = RequestStatus.InProgress,
            Assignment = PickedUp(view.Assignment, who),
            Partner = PickedUp(view.Partner, who),
            Arrival = visit with { Here = [.. visit.Here.Union(who)] },
        };
        return await Commit(next, command.Actor, Phrase.Of("DidArrive", "recorded that {0} arrived", Names(view, who)), command.Reason);
    }

    public async Task<Result<RequestView>> LeaveSafely(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (CheckVisit(command) is { } failure) return failure;
        var view = View!;
        if (view.Arrival is not { } visit) return Result<RequestView>.Refused(Reason.ArriveFirst);
        if (visit.LeftAt is not null) return Result<RequestView>.Refused(Reason.AlreadyLeftSafely);
        var who = Volunteers(command, visit.Here.Except(visit.Left));
        if (who.Any(v => !visit.Here.Contains(v))) return Result<RequestView>.Refused(Reason.ArriveFirst);
        if (who.Count == 0 || who.All(visit.Left.Contains)) return Result<RequestView>.Refused(Reason.AlreadyLeftSafely);

        var left = visit.Left.Union(who).ToArray();
        var allOut = visit.Here.All(left.Contains);
        var after = visit with { Left = left, LeftAt = allOut ? Now : null };
        var said = allOut && visit.AlarmOpen
            ? Phrase.Of("DidLeaveSafelyClearingAlarm", "recorded that {0} left safely, clearing the alarm", Names(view, who))
            : Phrase.Of("DidLeaveSafely", "recorded that {0} left safely", Names(view, who));
        // Everyone out of an escalated visit: the region's inbox is owed its withdrawal in the same write.
        var region = allOut && visit.EscalatedAt is not null ? (await Policy(view.HubSlug)).Region : null;
        return await Commit(view with { Arrival = after }, command.Actor, said, command.Reason,
            region is null ? null : next => OweWithdrawal(next, region));
    }

    public async Task<Result<RequestView>> AcknowledgeAlarm(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Unfit<RequestView>(command, Signed(command.Actor)) is { } unfit) return unfit;
        if (View!.Arrival is not { AlarmOpen: true } visit) return Result<RequestView>.Refused(Reason.NoArrivalAlarm);
        if (visit.Acknowledged) return Result<RequestView>.Refused(Reason.AlarmAlreadyAcknowledged, visit.AcknowledgedBy ?? "");

        var acknowledged = visit with { AcknowledgedAt = Now, AcknowledgedBy = command.Actor.DisplayName };
        return await Commit(View with { Arrival = acknowledged }, command.Actor,
            Phrase.Of("DidAcknowledgeArrivalAlarm", "acknowledged the safe-arrival alarm"), command.Reason);
    }

    public async Task CheckArrival()
    {
        var view = View;
        if (view?.Arrival is not { Due: { } due } visit)
        {
            await Unregister(ArrivalReminder); // the visit is over or the alarm is in someone's hands
            return;
        }

        var now = Now;
        if (now < due)
        {
            await Register(ArrivalReminder, due);
            return;
        }

        var missing = Names(view, visit.Here.Except(visit.Left));
        var minutes = (int)(now - visit.ArrivedAt).TotalMinutes;
        var reason = Reason.ArrivalOverdue.Say(missing, minutes);
        if (visit.AlarmRaisedAt is null)
        {
            var rules = (await ArrivalRules(view.HubSlug)).Rules;
            await Commit(view with { Arrival = visit with { AlarmRaisedAt = now, EscalateAt = now + rules.EscalateAfter } }, Actor.System,
                Phrase.Of("DidRaiseArrivalAlarm", "raised the safe-arrival alarm"), reason);
            Diagnostics.GrainMetrics.Escalations.Add(1, new KeyValuePair<string, object?>("by", "arrival-alarm"));
            return;
        }

        var unacknowledged = (int)(now - visit.AlarmRaisedAt.Value).TotalMinutes;
        var region = (await Policy(view.HubSlug)).Region;
        var why = Reason.ArrivalAlarmRaised.Say(view.ReferenceCode, view.Category, view.Area);
        // The region's inbox is owed the alarm in the same write that records it escalated.
        await Commit(view with { Arrival = visit with { EscalatedAt = now } }, Actor.System,
            Phrase.Of("DidEscalateArrivalAlarm", "escalated the safe-arrival alarm"), reason,
            next =>
            {
                next.Outgoing.Add(RequestMessages.ArrivalEscalated(next.View!, unacknowledged));
                if (region is not null) OweEscalation(next, region, new EscalatedRequest(next.View!.Redact(), view.HubSlug, why.ToString(), now) { ReasonSaid = why });
            });

        Diagnostics.GrainMetrics.Escalations.Add(1, new KeyValuePair<string, object?>("by", "arrival-escalation"));
    }

    /// <summary>Existence, reach and actor (no version: a doorstep check-in is never stale), then whether it is a visit at all.</summary>
    private Result<RequestView>? CheckVisit(RequestCommand command) =>
        Unfit<RequestView>(command, Signed(command.Actor)) ?? (View!.IsVisit ? null : Result<RequestView>.Refused(Reason.NotAVisit));

    /// <summary>The volunteer checking in for themselves, or (a dispatcher who phoned them) everyone concerned.</summary>
    private static List<Guid> Volunteers(RequestCommand command, IEnumerable<Guid> everyone) =>
        command.AsVolunteer is { } self ? [self] : [.. everyone];

    private Assignment? PickedUp(Assignment? held, List<Guid> arriving) =>
        held is not null && arriving.Contains(held.VolunteerId)
            ? held with { State = AssignmentState.Accepted, AnsweredAt = held.AnsweredAt ?? Now, ClaimExpiresAt = null }
            : held;

    private static string Names(RequestView view, IEnumerable<Guid> volunteers) =>
        string.Join(" & ", volunteers.Select(id => view.HeldBy(id)?.VolunteerName
            ?? view.PastAssignments.LastOrDefault(a => a.VolunteerId == id)?.VolunteerName ?? "?"));

    /// <summary>
    /// A visit when a dispatcher marked it, its category is one of the hub's visit categories, or it
    /// is planned (needed by, else assigned) after dark in the hub's time zone. Once someone arrived
    /// it stays a visit until the visit is over, so the timer is never orphaned by an edit.
    /// </summary>
    private async Task<RequestView> WithVisit(RequestView next)
    {
        var (_, rules, zone) = await ArrivalRules(next.HubSlug);
        var planned = next.NeededBy ?? next.Assignment?.OfferedAt;
        var visit = next.MarkedVisit || rules.VisitCategories.Contains(next.Category)
            || (planned is { } at && rules.IsAfterDark(at, zone))
            || next.Arrival is { LeftAt: null };
        return visit == next.IsVisit ? next : next with { IsVisit = visit };
    }

    private async Task<(string Hub, ArrivalPolicy Rules, string TimeZone)> ArrivalRules(string hub)
    {
        await Policy(hub);
        return arrivalPolicy!.Value;
    }
}
