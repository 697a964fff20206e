using System.Text.Json.Serialization;
using Conflict = MutualAid.Common.Conflict;
using Microsoft.AspNetCore.Http.HttpResults;
using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;
using MutualAid.Web.Intake;

namespace MutualAid.Web.Dispatch;

/// <summary>
/// A small JSON API for dispatch tools and tests: the same guarded services as the board, through
/// the web tier. Cookie-authenticated, so every call must also carry the X-MutualAid-Client header,
/// which a cross-site form cannot send (CSRF). Transient cluster errors are retried, then answered
/// 503 with Retry-After: a command is either done, refused with a reason, or clearly retryable.
/// </summary>
public static class DispatchEndpoints
{
    public const string ClientHeader = "X-MutualAid-Client";

    public sealed record CreateBody(Guid Id, RequestCategory Category, Urgency Urgency, string Area, string Need, string ContactName, string? Phone, string? Address);

    /// <summary>A command on a request. <see cref="Hub"/> names the board the caller works on; without it the request's own hub is looked up. Triage may set the urgency and category as it triages.</summary>
    public sealed record CommandBody(int ExpectedVersion, Guid? VolunteerId, double? Hours, string? Reason, string? Hub = null, Urgency? Urgency = null, RequestCategory? Category = null);

    /// <summary>An edit: the fields to change (null = unchanged) and the version the caller saw.</summary>
    public sealed record EditBody : RequestChanges
    {
        public int ExpectedVersion { get; init; }

        public string? Hub { get; init; }
    }

    /// <summary>A contact-log entry to add; <see cref="Hub"/> as for commands.</summary>
    public sealed record NoteBody(NoteKind Kind, string? Text, bool ForVolunteer = false, string? Hub = null);

    public static void MapDispatchApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Headers.ContainsKey(ClientHeader)
                ? await next(context)
                : TypedResults.Problem($"Send the {ClientHeader} header.", statusCode: StatusCodes.Status400BadRequest));
        api.MapPost("/hubs/{Slug}/requests", CreateRequest);
        api.MapGet("/requests/{id:guid}", GetRequest);
        api.MapPost("/requests/{id:guid}/edit", EditRequest);
        api.MapPost("/requests/{id:guid}/notes", AddNote);
        api.MapGet("/requests/{id:guid}/notes", ReadNotes);
        api.MapPost("/requests/{id:guid}/{command}", RunCommand);
    }

    public static Task<IResult> CreateRequest(HttpContext http, string slug, CreateBody body, IntakeService intake, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Answer(http, user, () => intake.Create(body.Id, new NewRequest(slug, body.Category, body.Urgency, body.Area, body.Need,
            new ContactDetails(body.ContactName, body.Phone, null, body.Address), RequestSource.Member, user.Actor)));
    }

    public static async Task<IResult> GetRequest(HttpContext http, Guid id, RequestReader reader, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(http);
        user.Set(http.User);
        try
        {
            return await ClusterRetry.Pipeline.ExecuteAsync(async _ =>
                await reader.Summary(id) is { } summary ? TypedResults.Ok(summary) : (IResult)TypedResults.NotFound());
        }
        catch (Exception ex) when (ClusterRetry.IsTransient(ex))
        {
            return Unavailable(http);
        }
    }

    /// <summary>The route names a <see cref="RequestAction"/> (any case), so the API speaks the lifecycle's own words.</summary>
    public static Task<IResult> RunCommand(HttpContext http, Guid id, string command, CommandBody body, DispatchService dispatch, RequestReader reader, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Enum.TryParse<RequestAction>(command, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(command, out _))
        {
            return Task.FromResult<IResult>(Refusal(Result<RequestView>.NotFound(Reason.UnknownAction, command), StatusCodes.Status404NotFound));
        }

        return Answer(http, user, async () =>
        {
            if (await HubOf(id, body.Hub, reader) is not { } hub) return Result<RequestView>.NotFound(Reason.NoSuchRequest);
            return action switch
            {
                RequestAction.Triage => await dispatch.Triage(hub, id, body.ExpectedVersion, body.Urgency, body.Category, body.Reason),
                RequestAction.Assign when body.VolunteerId is { } volunteer => await dispatch.Assign(hub, id, volunteer, body.ExpectedVersion, body.Reason),
                RequestAction.Assign => Result<RequestView>.Invalid(nameof(CommandBody.VolunteerId), Reason.VolunteerMissing),
                RequestAction.Unassign => await dispatch.Unassign(hub, id, body.ExpectedVersion, body.Reason),
                RequestAction.Start => await dispatch.Start(hub, id, body.ExpectedVersion, body.Reason),
                // Without hours, the job counts what it was assigned for; never a made-up figure.
                RequestAction.Fulfil => await dispatch.Fulfil(hub, id, body.ExpectedVersion, body.Hours ?? await dispatch.EstimatedHours(hub, id) ?? double.NaN, body.Reason),
                RequestAction.Cancel => await dispatch.Cancel(hub, id, body.ExpectedVersion, body.Reason),
                _ => Result<RequestView>.NotFound(Reason.UnknownAction, command),
            };
        });
    }

    public static Task<IResult> EditRequest(HttpContext http, Guid id, EditBody body, DispatchService dispatch, RequestReader reader, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Answer(http, user, async () => await HubOf(id, body.Hub, reader) is { } hub
            ? await dispatch.Edit(hub, id, body, body.ExpectedVersion)
            : Result<RequestView>.NotFound(Reason.NoSuchRequest), Summarised, forbidden: true);
    }

    /// <summary>The contact log is private: only the hub's coordinators and dispatchers write it; anyone else is refused outright (403).</summary>
    public static Task<IResult> AddNote(HttpContext http, Guid id, NoteBody body, CaseNoteService notes, RequestReader reader, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Answer(http, user, async () => await HubOf(id, body.Hub, reader) is { } hub
            ? await notes.Add(hub, id, body.Kind, body.Text, body.ForVolunteer)
            : Result<CaseNote>.NotFound(Reason.NoSuchRequest), note => new NotesBody([note]), forbidden: true);
    }

    /// <summary>Newest first; the assigned volunteer gets only what is marked for them, anyone else a 403 or 404.</summary>
    public static Task<IResult> ReadNotes(HttpContext http, Guid id, string? hub, CaseNoteService notes, RequestReader reader, CurrentUser user) =>
        Answer(http, user, async () => await HubOf(id, hub, reader) is { } slug
            ? await notes.Read(slug, id)
            : Result<IReadOnlyList<CaseNote>>.NotFound(Reason.NoSuchRequest), list => new NotesBody(list), forbidden: true);

    /// <summary>The hub named, else the request's own as the caller may see it (older tools send none).</summary>
    private static async Task<string?> HubOf(Guid id, string? hub, RequestReader reader) => hub ?? (await reader.Summary(id))?.HubSlug;

    private static AnswerBody Summarised(RequestView view) => new(view.Redact(), null, null, null);

    private static Task<IResult> Answer(HttpContext http, CurrentUser user, Func<Task<Result<RequestView>>> command) =>
        Answer(http, user, command, Summarised);

    /// <param name="forbidden">Answer a refusal for want of the role 403 (newer endpoints); older ones keep their 422.</param>
    private static async Task<IResult> Answer<T>(HttpContext http, CurrentUser user, Func<Task<Result<T>>> command, Func<T, object> ok, bool forbidden = false)
    {
        user.Set(http.User);
        Result<T> result;
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
            ResultStatus.Ok => TypedResults.Ok(ok(result.Value!)),
            ResultStatus.Conflict => TypedResults.Json(new AnswerBody(null, result.Message, result.Reason.ToString(), result.Conflict), statusCode: StatusCodes.Status409Conflict),
            ResultStatus.NotFound => Refusal(result, StatusCodes.Status404NotFound),
            ResultStatus.Refused when forbidden && result.Reason == Reason.NotADispatcher => Refusal(result, StatusCodes.Status403Forbidden),
            _ => Refusal(result, StatusCodes.Status422UnprocessableEntity),
        };
    }

    private static JsonHttpResult<AnswerBody> Refusal<T>(Result<T> result, int status) =>
        TypedResults.Json(new AnswerBody(null, result.Message, result.Reason.ToString(), null)
        {
            Errors = result.Errors.Count == 0 ? null : [.. result.Errors.Select(e => new AnswerError(e.Field, e.Message, e.Reason.ToString()))],
        }, statusCode: status);

    private static JsonHttpResult<AnswerBody> Unavailable(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "2";
        return TypedResults.Json(new AnswerBody(null, Reason.ClusterRecovering.Say().ToString(), nameof(Reason.ClusterRecovering), null), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>What every command answers: the request, or why not (English beside its code, the code for tools to branch on).</summary>
    public sealed record AnswerBody(
        [property: JsonPropertyName("request")] RequestSummary? Request,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("conflict")] Conflict? Conflict)
    {
        /// <summary>Which fields of the command were refused and why (English, as the API speaks, with each field's code).</summary>
        [JsonPropertyName("errors")] public IReadOnlyList<AnswerError>? Errors { get; init; }
    }

    /// <summary>Contact-log entries, newest first.</summary>
    public sealed record NotesBody([property: JsonPropertyName("notes")] IReadOnlyList<CaseNote> Notes);

    public sealed record AnswerError(
        [property: JsonPropertyName("field")] string Field,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("reason")] string Reason);
}
