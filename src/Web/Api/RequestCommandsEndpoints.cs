using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Dispatch;

namespace MutualAid.Web.Api;

/// <summary>
/// The lifecycle's steps, one route per <see cref="RequestAction"/> (the lifecycle's own words),
/// each checked against the version the caller saw.
/// </summary>
public static class RequestCommandsEndpoints
{
    public static void MapRequestCommands(this RouteGroupBuilder api)
    {
        var lifecycle = api.Tagged("Request lifecycle");
        Map(lifecycle, "triage", Triage, "Triage a request (may set urgency and category)");
        Map(lifecycle, "assign", Assign, "Assign a volunteer; with override: true and a reason, past their limits (coordinators only)");
        Map(lifecycle, "unassign", Unassign, "Take the volunteer off a request");
        Map(lifecycle, "start", Start, "Mark a request picked up");
        Map(lifecycle, "fulfil", Fulfil, "Mark a request delivered (hours given, else the assignment's estimate)");
        Map(lifecycle, "cancel", Cancel, "Cancel a request");
        Map(lifecycle, "escalate", Escalate, "Pass a request this hub cannot meet to its hub's region (reason required)");
        Map(lifecycle, "reopen", Reopen, "Bring back a delivered, cancelled or passed-on request of this hub (reason required)");
    }

    public static Task<IResult> Triage(HttpContext http, Guid id, JsonBody<CommandBody> body, DispatchService dispatch, RequestReader reader, CurrentUser user) =>
        Command(http, id, body, reader, user, (hub, c) => dispatch.Triage(hub, id, c.ExpectedVersion, c.Urgency, c.Category, c.Reason));

    public static Task<IResult> Assign(HttpContext http, Guid id, JsonBody<CommandBody> body, DispatchService dispatch, RequestReader reader, CurrentUser user) =>
        ApiRequests.WithBody(body, c => c switch
        {
            { VolunteerId: null } => Task.FromResult<IResult>(ApiProblems.InvalidField("volunteerId", Reason.VolunteerMissing)),
            { Override: true, Reason: var why } when string.IsNullOrWhiteSpace(why) => Task.FromResult<IResult>(ApiProblems.InvalidField("reason", Reason.OverrideNeedsReason)),
            { Override: true } => Command(http, id, body, reader, user, (hub, _) => dispatch.AssignPastLimits(hub, id, c.VolunteerId.Value, c.ExpectedVersion, c.Reason, c.Replacing)),
            _ => Command(http, id, body, reader, user, (hub, _) => dispatch.Assign(hub, id, c.VolunteerId.Value, c.ExpectedVersion, c.Reason, c.Replacing)),
        });

    public static Task<IResult> Unassign(HttpContext http, Guid id, JsonBody<CommandBody> body, DispatchService dispatch, RequestReader reader, CurrentUser user) =>
        Command(http, id, body, reader, user, (hub, c) => dispatch.Unassign(hub, id, c.ExpectedVersion, c.Reason));

    public static Task<IResult> Start(HttpContext http, Guid id, JsonBody<CommandBody> body, DispatchService dispatch, RequestReader reader, CurrentUser user) =>
        Command(http, id, body, reader, user, (hub, c) => dispatch.Start(hub, id, c.ExpectedVersion, c.Reason));

    // Without hours, the job counts what it was assigned for; never a made-up figure.
    public static Task<IResult> Fulfil(HttpContext http, Guid id, JsonBody<CommandBody> body, DispatchService dispatch, RequestReader reader, CurrentUser user) =>
        Command(http, id, body, reader, user, async (hub, c) => await dispatch.Fulfil(hub, id, c.ExpectedVersion, c.Hours ?? await dispatch.EstimatedHours(hub, id) ?? double.NaN, c.Reason));

    public static Task<IResult> Cancel(HttpContext http, Guid id, JsonBody<CommandBody> body, DispatchService dispatch, RequestReader reader, CurrentUser user) =>
        Command(http, id, body, reader, user, (hub, c) => dispatch.Cancel(hub, id, c.ExpectedVersion, c.Reason));

    public static Task<IResult> Escalate(HttpContext http, Guid id, JsonBody<CommandBody> body, DispatchService dispatch, RequestReader reader, CurrentUser user) =>
        Command(http, id, body, reader, user, (hub, c) => dispatch.Escalate(hub, id, c.ExpectedVersion, c.Reason));

    public static Task<IResult> Reopen(HttpContext http, Guid id, JsonBody<CommandBody> body, DispatchService dispatch, RequestReader reader, CurrentUser user) =>
        Command(http, id, body, reader, user, (hub, c) => dispatch.Reopen(hub, id, c.ExpectedVersion, c.Reason));

    private static void Map(RouteGroupBuilder lifecycle, string action, Delegate handler, string summary) =>
        lifecycle.MapPost($"/requests/{{id:guid}}/{action}", handler).Reads<CommandBody>().Produces<RequestSummary>()
            .Describe(summary, 403, 404, 409, 422);

    private static Task<IResult> Command(HttpContext http, Guid id, JsonBody<CommandBody> body, RequestReader reader, CurrentUser user, Func<string, CommandBody, Task<Result<RequestView>>> run) =>
        ApiRequests.WithBody(body, c => ApiRequests.OnRequest(http, user, reader, id, hub => run(hub, c), RequestsEndpoints.Summarised));
}
