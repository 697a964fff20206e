using System.Collections.Frozen;

namespace MutualAid.Requests;

/// <summary>
/// The one table of which action may run from which status: the grain refuses anything not
/// listed, and every client shows only what the table allows, so a button never offers what the
/// grain would refuse.
/// </summary>
public static class RequestLifecycle
{
    private static readonly RequestStatus[] Open =
        [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Assigned, RequestStatus.InProgress, RequestStatus.Reopened];

    private static readonly FrozenDictionary<RequestAction, RequestStatus[]> AllowedFrom = new Dictionary<RequestAction, RequestStatus[]>
    {
        [RequestAction.Triage] = [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened],
        [RequestAction.Assign] = [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened, RequestStatus.Assigned, RequestStatus.InProgress],
        [RequestAction.Unassign] = [RequestStatus.Assigned, RequestStatus.InProgress],
        [RequestAction.Accept] = [RequestStatus.Assigned],
        [RequestAction.Decline] = [RequestStatus.Assigned],
        [RequestAction.Start] = [RequestStatus.Assigned],
        [RequestAction.Fulfil] = [RequestStatus.InProgress],
        [RequestAction.Cancel] = Open,
        [RequestAction.Escalate] = [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened],
        [RequestAction.Reopen] = [RequestStatus.Fulfilled, RequestStatus.Cancelled, RequestStatus.Escalated],
        [RequestAction.Transfer] = [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened],
        [RequestAction.Edit] = Open,
    }.ToFrozenDictionary();

    private static readonly RequestStatus[] Waiting = [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened];

    /// <summary>
    /// A pair waits for its second volunteer while the first holds their place: the one placed can
    /// answer (accept, decline) and a dispatcher can take them off, as on an assigned request.
    /// </summary>
    private static readonly RequestAction[] WhileHalfHeld = [RequestAction.Unassign, RequestAction.Accept, RequestAction.Decline];

    public static bool IsOpen(RequestStatus status) => Open.Contains(status);

    /// <summary>Open and nobody assigned: the hub's deadline runs.</summary>
    public static bool IsWaiting(RequestStatus status) => Waiting.Contains(status);

    /// <summary>
    /// Whether an accepted claim's lapse time runs: while the request is assigned, or while one of a
    /// pair holds it waiting for the other (that claim holds the job and the volunteer's time as any
    /// does). The grain lapses claims by this rule and every page counts them down by it.
    /// </summary>
    public static bool ClaimRuns(RequestStatus status) => status == RequestStatus.Assigned || IsWaiting(status);

    public static bool Allows(RequestAction action, RequestStatus from) =>
        AllowedFrom.TryGetValue(action, out var allowed) && allowed.Contains(from);

    /// <summary>The statuses an action may run from, for a refusal that says what would work.</summary>
    public static IReadOnlyList<RequestStatus> AllowedStatuses(RequestAction action) => AllowedFrom[action];

    /// <summary>Every action the table allows from a status, in the enum's order.</summary>
    public static IReadOnlyList<RequestAction> Available(RequestStatus from) =>
        [.. Enum.GetValues<RequestAction>().Where(a => Allows(a, from))];

    /// <summary>
    /// Whether a volunteer may claim it for themselves, as the request grain's claim decides: open to
    /// assigning, with a free place (nobody holds it, or a pair waits for its second) that is not
    /// theirs already. A volunteer's page offers exactly these.
    /// </summary>
    public static bool OpenToClaim(RequestSummary request, Guid volunteerId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Allows(RequestAction.Assign, request.Status)
            && request.Held < (request.NeedsTwo ? 2 : 1)
            && request.Assignees.All(a => a.VolunteerId != volunteerId);
    }

    /// <summary>As <see cref="Allows(RequestAction, RequestStatus)"/>, for a request as it stands: a waiting pair someone holds allows answering and unassigning too.</summary>
    public static bool Allows(RequestAction action, RequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Allows(action, request.Status) || (IsWaiting(request.Status) && request.Assignees.Count > 0 && WhileHalfHeld.Contains(action));
    }

    /// <summary>Null when allowed; otherwise why not, coded with a hint at what to do first (its phrase takes the action and the status).</summary>
    public static Reason? Refusal(RequestAction action, RequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Allows(action, request) ? null : Refusal(action, request.Status);
    }

    /// <summary>Null when the table allows it from the status alone; otherwise why not.</summary>
    public static Reason? Refusal(RequestAction action, RequestStatus from)
    {
        if (Allows(action, from)) return null;
        return from switch
        {
            RequestStatus.Fulfilled or RequestStatus.Cancelled or RequestStatus.Escalated => Reason.ReopenFirst,
            RequestStatus.Assigned or RequestStatus.InProgress when action == RequestAction.Escalate => Reason.UnassignFirst,
            RequestStatus.Assigned when action == RequestAction.Fulfil => Reason.StartFirst,
            _ => Reason.NotNow,
        };
    }
}
