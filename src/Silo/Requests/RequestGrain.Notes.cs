using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// The contact log: what the people working a request did to reach the person ("left voicemail
/// 14:10"). Kept beside the request, not in it, so it never rides along in a summary, a board
/// notice or a version bump; and never logged, since its text is whatever was said on the phone.
/// </summary>
public sealed partial class RequestGrain
{
    public async Task<Result<CaseNote>> AddNote(AddNote command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Unfit<CaseNote>(command, command.Validate()) is { } unfit) return unfit;

        var note = new CaseNote(Guid.NewGuid(), command.Kind, command.Text.Trim(), command.Actor, Now, command.ForVolunteer);
        var upcoming = state.State.Copy();
        upcoming.Notes = [.. state.State.Notes, note];
        await Write(upcoming);
        return Result<CaseNote>.Ok(note);
    }

    public Task<Result<IReadOnlyList<CaseNote>>> GetNotes(NoteScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (Unfit<IReadOnlyList<CaseNote>>(scope, []) is { } unfit) return Task.FromResult(unfit);
        IEnumerable<CaseNote> notes = state.State.Notes;
        if (scope.AsVolunteer is not null) notes = notes.Where(n => n.ForVolunteer);
        return Task.FromResult(Result<IReadOnlyList<CaseNote>>.Ok([.. notes.Reverse()]));
    }
}
