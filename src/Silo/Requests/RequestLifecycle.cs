using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// The one table of which command may run from which status. Anything not listed is refused
/// with a reason that names the current status, so a dispatcher knows what to do instead.
/// </summary>
public static class RequestLifecycle
{
    private static readonly RequestStatus[] Open =
        [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Assigned, RequestStatus.InProgress, RequestStatus.Reopened];

    private static readonly Dictionary<string, RequestStatus[]> AllowedFrom = new()
    {
        ["triage"] = [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened],
        ["assign"] = [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened, RequestStatus.Assigned, RequestStatus.InProgress],
        ["unassign"] = [RequestStatus.Assigned, RequestStatus.InProgress],
        ["accept"] = [RequestStatus.Assigned],
        ["decline"] = [RequestStatus.Assigned],
        ["start"] = [RequestStatus.Assigned],
        ["fulfil"] = [RequestStatus.InProgress],
        ["cancel"] = Open,
        ["escalate"] = [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened],
        ["reopen"] = [RequestStatus.Fulfilled, RequestStatus.Cancelled, RequestStatus.Escalated],
        ["transfer"] = [RequestStatus.New, RequestStatus.Triaged, RequestStatus.Reopened],
    };

    public static IReadOnlyCollection<string> Commands => AllowedFrom.Keys;

    public static bool IsOpen(RequestStatus status) => Open.Contains(status);

    public static bool Allows(string command, RequestStatus from) =>
        AllowedFrom.TryGetValue(command, out var allowed) && allowed.Contains(from);

    /// <summary>Null when allowed; otherwise the reason in plain words.</summary>
    public static string? Refusal(string command, RequestStatus from)
    {
        if (Allows(command, from)) return null;
        var allowed = AllowedFrom[command];
        var hint = from switch
        {
            RequestStatus.Fulfilled or RequestStatus.Cancelled or RequestStatus.Escalated => " Reopen it first.",
            RequestStatus.Assigned or RequestStatus.InProgress when command == "escalate" => " Unassign the volunteer first.",
            RequestStatus.Assigned when command == "fulfil" => " Mark it picked up first.",
            _ => "",
        };
        return $"Cannot {command} a request that is {Describe(from)}; only when {string.Join(" or ", allowed.Select(Describe))}.{hint}";
    }

    public static string Describe(RequestStatus status) => status switch
    {
        RequestStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
