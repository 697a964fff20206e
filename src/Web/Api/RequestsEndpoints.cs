using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using MutualAid.Api;
using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Board;
using MutualAid.Web.Dispatch;
using MutualAid.Web.Intake;

namespace MutualAid.Web.Api;

/// <summary>Requests: take one in, read one, list a hub's, edit one.</summary>
public static class RequestsEndpoints
{
    public static void MapRequests(this RouteGroupBuilder api)
    {
        var requests = api.Tagged("Requests");
        requests.MapPost("/hubs/{hub}/requests", Create).Reads<CreateRequestBody>().Produces<RequestSummary>(StatusCodes.Status201Created)
            .Describe("Take in a request (Idempotency-Key makes a repeat answer the first result)", 403, 422)
            .AddEndpointFilter<IdempotencyFilter>();
        requests.MapGet("/hubs/{hub}/requests", List).Produces<Paged<RequestSummary>>()
            .Describe("List a hub's requests on its board (redacted), filtered by status, urgency and area", 404, 422);
        requests.MapGet("/requests/{id:guid}", Get).Produces<RequestSummary>().Describe("Read a request (redacted)", 404);
        requests.MapPost("/requests/{id:guid}/edit", Edit).Reads<EditBody>().Produces<RequestSummary>()
            .Describe("Edit or re-triage a request, checked against the version seen", 403, 404, 409, 422);
    }

    public static Task<IResult> Create(HttpContext http, string hub, JsonBody<CreateRequestBody> body, IntakeService intake, CaseNoteService notes, CurrentUser user) =>
        ApiRequests.WithBody(body, async create =>
        {
            if (create.Notes is { Length: > AddNote.MaxLength }) return ApiProblems.InvalidField("notes", Reason.TooLong, AddNote.MaxLength);
            // Anyone could guess it, and so the reference code derived from it (222-2222).
            if (create.Id == Guid.Empty) return ApiProblems.InvalidField("id", Reason.IdAllZero);
            return await ApiCall.Run(http, user, async () =>
            {
                var id = create.Id ?? IdFor(http, hub, user) ?? Guid.NewGuid();
                var created = await intake.Create(id, create.ToNewRequest(hub, user.Actor));
                // The log entry is part of taking the call in; a repeat finds it already there.
                if (created.IsOk && created.Value!.Version == 1 && !string.IsNullOrWhiteSpace(create.Notes) && (await notes.Read(hub, id)).Value is { Count: 0 })
                {
                    await notes.Add(hub, id, NoteKind.Note, create.Notes, false);
                }

                return created;
            }, view => TypedResults.Created($"/api/v1/requests/{view.Id}", view.Redact()));
        });

    public static Task<IResult> Get(HttpContext http, Guid id, RequestReader reader, CurrentUser user) =>
        ApiCall.Read(http, user, () => reader.Summary(id), summary => TypedResults.Ok(summary));

    /// <summary>From the board the hub already holds (one grain call), newest first; summaries only, so nothing private.</summary>
    public static Task<IResult> List(HttpContext http, string hub, string[]? status, string[]? urgency, string? area, int? page, int? pageSize, BoardService board, CurrentUser user)
    {
        var errors = new List<FieldError>();
        var statuses = Paging.Parse<RequestStatus>("status", status, errors);
        var urgencies = Paging.Parse<Urgency>("urgency", urgency, errors);
        return Paging.FromBoard(http, user, board, hub, page, pageSize, errors, snapshot => snapshot.Requests
            .Where(r => statuses is null || statuses.Contains(r.Status))
            .Where(r => urgencies is null || urgencies.Contains(r.Urgency))
            .Where(r => string.IsNullOrWhiteSpace(area) || string.Equals(r.Area, area.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id));
    }

    public static Task<IResult> Edit(HttpContext http, Guid id, JsonBody<EditBody> body, DispatchService dispatch, RequestReader reader, CurrentUser user) =>
        ApiRequests.WithBody(body, edit => ApiRequests.OnRequest(http, user, reader, id, hub => dispatch.Edit(hub, id, edit, edit.ExpectedVersion), Summarised));

    /// <summary>Answers with the redacted summary: the caller asked to act, not to read private details.</summary>
    public static Ok<RequestSummary> Summarised(RequestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return TypedResults.Ok(view.Redact());
    }

    /// <summary>
    /// The new request's id from its Idempotency-Key, so even two repeats racing each other make
    /// one request (the request grain refuses a second create of the same id).
    /// </summary>
    private static Guid? IdFor(HttpContext http, string hub, CurrentUser user) =>
        IdempotencyFilter.KeyOf(http) is { } key
            ? new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(IIdempotencyGrain.Key(hub, user.Actor.UserId, key)))[..16])
            : null;
}
