using MutualAid.Notifications;
using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// Which messages a change of a request means, read from the state before and after it: the one
/// place that decides what the requester and the volunteers hear. Pure, so each rule is tested
/// through the grain without a clock or a channel. Messages a clock decides (a claim about to
/// lapse, lapsed, a critical request overdue) are added where the clock acts.
/// </summary>
internal static class RequestMessages
{
    /// <summary>The path a volunteer opens to accept; the sender makes it a full link.</summary>
    public const string JobsPath = "/my/jobs";

    /// <param name="regionHubs">The hubs of the region the change offers the request to (none when it offers it to none).</param>
    public static IEnumerable<OutboundMessage> Decide(RequestView? previous, RequestView next, Actor actor, object? because, IReadOnlyList<MutualAid.Hubs.HubSummary> regionHubs)
    {
        var factory = new Factory(next);
        if (previous is null)
        {
            // A request that came in by text was answered with its reference in the reply already.
            if (next.Source != RequestSource.Sms) yield return factory.ToRequester(MessageKind.RequestReceived, Reason.RequestReceived.Say(next.ReferenceCode));
            yield break;
        }

        if (next.Assignment is { State: AssignmentState.Offered, Claimed: false } offered && !SameAssignment(previous.Assignment, offered))
        {
            yield return factory.ToVolunteer(MessageKind.AssignmentOffered, offered.VolunteerId,
                Reason.AssignmentOffered.Say(next.Category, next.Area, next.ReferenceCode, JobsPath));
        }

        if (TakenAway(previous, next, actor) is { } away)
        {
            yield return factory.ToVolunteer(MessageKind.ReassignedAway, away.VolunteerId, Reason.ReassignedAway.Say(next.ReferenceCode, next.Category, next.Area));
        }

        if (next.Status != previous.Status && next.MergedInto is null && next.Contact.Name != ContactDetails.ErasedName)
        {
            switch (next.Status)
            {
                case RequestStatus.InProgress when next.Assignment is { } holder:
                    yield return factory.ToRequester(MessageKind.VolunteerOnTheWay, Reason.VolunteerOnTheWay.Say(FirstName(holder.VolunteerName), next.ReferenceCode));
                    break;
                case RequestStatus.Fulfilled:
                    yield return factory.ToRequester(MessageKind.RequestDelivered, Reason.RequestDelivered.Say(next.ReferenceCode));
                    break;
                case RequestStatus.Cancelled:
                    yield return factory.ToRequester(MessageKind.RequestCancelled, Reason.RequestCancelled.Say(next.ReferenceCode, because ?? ""));
                    break;
                // They were told it was cancelled or delivered; without this they would not ask again.
                case RequestStatus.Reopened:
                    yield return factory.ToRequester(MessageKind.RequestReopened, Reason.RequestReopened.Say(next.ReferenceCode));
                    break;
            }
        }

        if (NewlyOfferedTo(previous, next) is not null)
        {
            // The other hubs' coordinators know the offering hub by its name; its slug is only an address.
            var from = regionHubs.FirstOrDefault(h => h.Slug == next.HubSlug)?.Name is { Length: > 0 } name ? name : next.HubSlug;
            foreach (var hub in regionHubs.Where(h => h.Slug != next.HubSlug))
            {
                yield return factory.ToCoordinators(MessageKind.EscalationOffered, hub.Slug,
                    Reason.EscalationOffered.Say(from, next.ReferenceCode, next.Category, next.Area, because ?? ""));
            }
        }
    }

    /// <summary>The region this change offers the request to (escalated by a person or by its deadline); null when it already was.</summary>
    public static string? NewlyOfferedTo(RequestView? previous, RequestView next)
    {
        var region = OfferedTo(next);
        return region is not null && (previous is null || OfferedTo(previous) != region) ? region : null;
    }

    private static string? OfferedTo(RequestView view) => view.OfferedToRegion ?? (view.Status == RequestStatus.Escalated ? view.EscalatedTo : null);

    /// <summary>A claim the clock is about to end: decided by the claim reminder.</summary>
    public static OutboundMessage LapsingSoon(RequestView view, Assignment claim) =>
        new Factory(view).ToVolunteer(MessageKind.ClaimLapsingSoon, claim.VolunteerId, Reason.ClaimLapsingSoon.Say(view.ReferenceCode, view.Category, view.Area));

    /// <summary>A claim the clock ended; <paramref name="view"/> is the state after it.</summary>
    public static OutboundMessage Lapsed(RequestView view, Assignment claim) =>
        new Factory(view).ToVolunteer(MessageKind.ClaimLapsed, claim.VolunteerId, Reason.ClaimLapsed.Say(view.ReferenceCode, view.Category, view.Area));

    /// <summary>A critical request nobody took by its deadline: the hub's coordinators must act, quiet hours or not.</summary>
    public static OutboundMessage CriticalOverdue(RequestView view, int waitedMinutes) =>
        new Factory(view).ToCoordinators(MessageKind.CriticalUnassigned, view.HubSlug,
            Reason.CriticalUnassigned.Say(view.ReferenceCode, view.Category, view.Area, waitedMinutes)) with
        { Critical = true };

    /// <summary>A safe-arrival alarm nobody on the board acknowledged: the hub's coordinators must call the volunteer, quiet hours or not.</summary>
    public static OutboundMessage ArrivalEscalated(RequestView view, int unacknowledgedMinutes) =>
        new Factory(view).ToCoordinators(MessageKind.ArrivalAlarmEscalated, view.HubSlug,
            Reason.ArrivalAlarmEscalated.Say(view.ReferenceCode, view.Category, view.Area, unacknowledgedMinutes)) with
        { Critical = true };

    private static bool SameAssignment(Assignment? a, Assignment b) => a is not null && a.VolunteerId == b.VolunteerId && a.OfferedAt == b.OfferedAt;

    /// <summary>
    /// The volunteer who held it (offered or accepted) and lost it to someone else's decision. Not
    /// when they declined or gave it back themselves (they know), nor when the clock ended it (the
    /// lapse has its own words), nor when it was done.
    /// </summary>
    private static Assignment? TakenAway(RequestView previous, RequestView next, Actor actor)
    {
        if (previous.Assignment is not { State: AssignmentState.Offered or AssignmentState.Accepted } held) return null;
        if (next.Assignment is { } still && SameAssignment(still, held)) return null;
        if (next.Status == RequestStatus.Fulfilled || actor.UserId == Actor.System.UserId) return null;
        var ended = next.PastAssignments.LastOrDefault(a => SameAssignment(a, held));
        if (ended?.State == AssignmentState.Declined) return null;
        if (held.Claimed && held.AssignedBy.UserId == actor.UserId) return null;
        return held;
    }

    /// <summary>Requesters hear only the first name of who is coming, never more about anyone.</summary>
    internal static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? name;

    /// <summary>Key, hub, language and urgency every message of one request version shares.</summary>
    private readonly record struct Factory(RequestView View)
    {
        private bool Urgent => View.Urgency == Urgency.Critical;

        public OutboundMessage ToRequester(MessageKind kind, Phrase said) =>
            Make(kind, Recipient.Requester(View.Id), View.HubSlug, said, OutboundMessage.LanguageOf(View.PreferredLanguage));

        public OutboundMessage ToVolunteer(MessageKind kind, Guid volunteerId, Phrase said) =>
            Make(kind, Recipient.Volunteer(volunteerId), View.HubSlug, said, "en");

        public OutboundMessage ToCoordinators(MessageKind kind, string hub, Phrase said) =>
            Make(kind, Recipient.Coordinators(hub), hub, said, "en");

        private OutboundMessage Make(MessageKind kind, Recipient to, string hub, Phrase said, string language) =>
            new(OutboundMessage.KeyFor(View.Id.ToString("N"), View.Version, kind, to), hub, kind, to, said, language, Urgent, View.UpdatedAt) { RequestId = View.Id };
    }
}
