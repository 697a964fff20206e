using MutualAid.Requests;
using MutualAid.Thanks;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Requests;

/// <summary>
/// Thank-yous for a delivered request. Like a reveal, a read of the request written down rather
/// than a change: the version stays, so nobody's next command turns stale over a thank-you.
/// </summary>
public sealed partial class RequestGrain
{
    private const string ThankedKey = "DidThank";

    public async Task<Result<ThankYouNote>> Thank(ThankCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Unfit<ThankYouNote>(command, command.Validate()) is { } unfit) return unfit;
        if (View is not { Status: RequestStatus.Fulfilled, Assignment: { } done }) return Result<ThankYouNote>.Refused(Reason.ThanksAfterDelivery);

        var note = new ThankYouNote(command.NoteId, View.Id, View.HubSlug, command.From,
            command.From == ThanksFrom.Organiser ? command.Actor.DisplayName : null, command.Text.Trim(), Now);
        if (state.State.ThanksSent.Contains(command.NoteId)) return Result<ThankYouNote>.Ok(note);
        if (state.State.ThanksSent.Count >= ThankCommand.MaxPerRequest) return Result<ThankYouNote>.Refused(Reason.ThanksEnough, ThankCommand.MaxPerRequest);

        // Volunteer first (it keeps one note per id), then the audit line: a crash between them
        // leaves a delivered note whose retry writes the line, never a line with no note.
        await GrainFactory.GetGrain<IVolunteerGrain>(done.VolunteerId).Thank(note);
        var upcoming = state.State.Copy();
        upcoming.ThanksSent.Add(note.Id);
        upcoming.Audit.Add(new AuditEntry(View.Version, Now, command.Actor, Phrase.Of(ThankedKey, "{0} thanked {1}", command.Actor.DisplayName, done.VolunteerName), null));
        await Write(upcoming);
        return Result<ThankYouNote>.Ok(note);
    }
}
