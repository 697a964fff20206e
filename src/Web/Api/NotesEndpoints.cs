using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Dispatch;

namespace MutualAid.Web.Api;

/// <summary>
/// A request's contact log. Private: the hub's coordinators and dispatchers read and write it (anyone
/// else on the hub is refused 403); the assigned volunteer reads only what is marked for them.
/// </summary>
public static class NotesEndpoints
{
    public static void MapNotes(this RouteGroupBuilder api)
    {
        var log = api.Tagged("Contact log");
        log.MapPost("/requests/{id:guid}/notes", Add).Reads<NoteBody>().Produces<CaseNote>()
            .Describe("Add a contact-log entry (takes no version)", 403, 404, 422);
        log.MapGet("/requests/{id:guid}/notes", Read).Produces<IReadOnlyList<CaseNote>>()
            .Describe("Read the contact log, newest first", 403, 404);
    }

    public static Task<IResult> Add(HttpContext http, Guid id, JsonBody<NoteBody> body, CaseNoteService notes, RequestReader reader, CurrentUser user) =>
        ApiRequests.WithBody(body, note => ApiRequests.OnRequest(http, user, reader, id, hub => notes.Add(hub, id, note.Kind, note.Text, note.ForVolunteer), added => TypedResults.Ok(added)));

    public static Task<IResult> Read(HttpContext http, Guid id, CaseNoteService notes, RequestReader reader, CurrentUser user) =>
        ApiRequests.OnRequest(http, user, reader, id, hub => notes.Read(hub, id), log => TypedResults.Ok(log));
}
