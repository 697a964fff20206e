using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Dispatch;

/// <summary>
/// A request's contact log, authorised on the hub the caller names (the grain refuses a request of
/// any other hub). The hub's coordinators and dispatchers read and write all of it; the assigned
/// volunteer reads only entries marked for them, filtered by the grain itself.
/// </summary>
public sealed class CaseNoteService(IGrainFactory grains, CurrentUser user)
{
    public async Task<Result<CaseNote>> Add(string hub, Guid request, NoteKind kind, string? text, bool forVolunteer) =>
        await user.Can(Ability.AddNote, hub)
            ? await Grain(request).AddNote(new AddNote(kind, text ?? "", forVolunteer, user.Actor) { Hub = hub })
            : Result<CaseNote>.Refused(Reason.NotADispatcher, hub);

    /// <summary>Newest first: all of it for the hub's dispatchers, the entries for them for the assigned volunteer, nothing for anyone else.</summary>
    public async Task<Result<IReadOnlyList<CaseNote>>> Read(string hub, Guid request)
    {
        if (await user.Can(Ability.ReadNotes, hub)) return await Grain(request).GetNotes(new NoteScope { Hub = hub });
        return user.VolunteerId is not null ? await ForMyJob(hub, request) : Result<IReadOnlyList<CaseNote>>.Refused(Reason.NotADispatcher, hub);
    }

    /// <summary>The entries marked for the signed-in volunteer on their own job, even when they also dispatch.</summary>
    public async Task<Result<IReadOnlyList<CaseNote>>> ForMyJob(string hub, Guid request) =>
        user.VolunteerId is { } me
            ? await Grain(request).GetNotes(new NoteScope { Hub = hub, AsVolunteer = me })
            : Result<IReadOnlyList<CaseNote>>.NotFound(Reason.NotYours);

    private IRequestGrain Grain(Guid request) => grains.GetGrain<IRequestGrain>(request);
}
