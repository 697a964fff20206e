using System.Text.Json.Serialization;
using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Users;

namespace MutualAid.Web.Api;

/// <summary>
/// A small JSON API for dispatch tools and tests: the same guarded commands as the board, through
/// the web tier. Cookie-authenticated, so every call must also carry the X-MutualAid-Client header,
/// which a cross-site form cannot send (CSRF). Transient cluster errors are retried, then answered
/// 503 with Retry-After: a command is either done, refused with a reason, or clearly retryable.
/// </summary>
public static class CommandApi
{
    public const string ClientHeader = "X-MutualAid-Client";

    public sealed record CreateBody(Guid Id, RequestCategory Category, Urgency Urgency, string Area, string Need, string ContactName, string? Phone, string? Address);

    public sealed record CommandBody(int ExpectedVersion, Guid? VolunteerId, double? Hours, string? Reason);

    public static void MapCommandApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Headers.ContainsKey(ClientHeader)
                ? await next(context)
                : Results.Problem($"Send the {ClientHeader} header.", statusCode: StatusCodes.Status400BadRequest));

        api.MapPost("/hubs/{Slug}/requests", (HttpContext http, string slug, CreateBody body, HubActions actions, CurrentUser user) =>
            Run(http, user, () => actions.Create(body.Id, new NewRequest(slug, body.Category, body.Urgency, body.Area, body.Need,
                new ContactDetails(body.ContactName, body.Phone, null, body.Address), RequestSource.Member, user.Actor))));

        api.MapGet("/requests/{id:guid}", async (HttpContext http, Guid id, HubActions actions, CurrentUser user, IGrainFactory grains) =>
        {
            user.Set(http.User);
            try
            {
                return await ClusterRetry.Pipeline.ExecuteAsync(async _ =>
                {
                    var summary = await grains.GetGrain<IRequestGrain>(id).GetSummary();
                    if (summary is null || !await user.Can(Ability.ViewBoard, summary.HubSlug)) return Results.NotFound();
                    return Results.Ok(summary);
                });
            }
            catch (Exception ex) when (ClusterRetry.IsTransient(ex))
            {
                return Unavailable(http);
            }
        });

        api.MapPost("/requests/{id:guid}/{command}", (HttpContext http, Guid id, string command, CommandBody body, HubActions actions, CurrentUser user) =>
        {
            Func<IRequestGrain, Task<Result<RequestView>>>? run = command switch
            {
                "triage" => g => g.Triage(new TriageCommand(body.ExpectedVersion, user.Actor, Reason: body.Reason)),
                "assign" when body.VolunteerId is { } v => g => g.Assign(new AssignCommand(body.ExpectedVersion, user.Actor, v, Reason: body.Reason)),
                "unassign" => g => g.Unassign(new RequestCommand(body.ExpectedVersion, user.Actor, body.Reason)),
                "start" => g => g.Start(new RequestCommand(body.ExpectedVersion, user.Actor, body.Reason)),
                // Without hours, the job counts what it was assigned for; never a made-up figure.
                "fulfil" => async g => await g.Fulfil(new FulfilCommand(body.ExpectedVersion, user.Actor,
                    body.Hours ?? (await g.GetView())?.Assignment?.EstimatedHours ?? double.NaN, body.Reason)),
                "cancel" => g => g.Cancel(new RequestCommand(body.ExpectedVersion, user.Actor, body.Reason)),
                _ => null,
            };
            return run is null
                ? Task.FromResult(Results.Problem($"Unknown command '{command}' (or a missing volunteerId).", statusCode: StatusCodes.Status400BadRequest))
                : Run(http, user, () => actions.OnRequest(id, run));
        });
    }

    private static async Task<IResult> Run(HttpContext http, CurrentUser user, Func<Task<Result<RequestView>>> command)
    {
        user.Set(http.User);
        Result<RequestView> result;
        try
        {
            result = await ClusterRetry.Pipeline.ExecuteAsync(async _ => await command());
        }
        catch (Exception ex) when (ClusterRetry.IsTransient(ex))
        {
            return Unavailable(http);
        }

        // Answer with the redacted summary: the caller asked to act, not to read private details.
        return result.Status switch
        {
            ResultStatus.Ok => Results.Ok(new Answer(result.Value!.Redact(), null, null)),
            ResultStatus.Conflict => Results.Json(new Answer(null, result.Message, result.Conflict), statusCode: StatusCodes.Status409Conflict),
            ResultStatus.NotFound => Results.Json(new Answer(null, result.Message, null), statusCode: StatusCodes.Status404NotFound),
            _ => Results.Json(new Answer(null, result.Message, null) { Errors = result.Errors.Select(e => new AnswerError(e.Field, e.Message)).ToArray() },
                statusCode: StatusCodes.Status422UnprocessableEntity),
        };
    }

    private static IResult Unavailable(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "2";
        return Results.Json(new Answer(null, "The cluster is recovering from a failed server. Repeat the command in a moment: repeating is safe (one that already went through is answered with a conflict naming you).", null),
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public sealed record Answer(
        [property: JsonPropertyName("request")] RequestSummary? Request,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("conflict")] Conflict? Conflict)
    {
        /// <summary>Which fields of the command were refused and why (English, as the API speaks).</summary>
        [JsonPropertyName("errors")] public IReadOnlyList<AnswerError>? Errors { get; init; }
    }

    public sealed record AnswerError([property: JsonPropertyName("field")] string Field, [property: JsonPropertyName("message")] string Message);
}
