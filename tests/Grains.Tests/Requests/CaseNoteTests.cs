namespace MutualAid.Grains.Tests.Requests;

[Collection(ClusterCollection.Name)]
public sealed class CaseNoteTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private const string Secret = "Left voicemail; daughter says the code is 4471";

    [Fact]
    public async Task A_note_is_kept_newest_first_without_changing_the_version_the_summary_or_the_board()
    {
        var (hub, request, grain) = await domain.NewHubWithRequest();
        // The board hears of the new request on its own time: read its version once it has.
        await Wait.Until(async () => (await domain.Hub(hub).GetSnapshot()).Requests.Any(r => r.Id == request.Id), "the board shows the new request");
        var boardBefore = (await domain.Hub(hub).GetSnapshot()).Version;

        var first = await grain.AddNote(new AddNote(NoteKind.Called, "No one home", false, Domain.Sam) { Hub = hub });
        var second = await grain.AddNote(new AddNote(NoteKind.LeftVoicemail, "  " + Secret + " ", true, Domain.Ana) { Hub = hub });

        Assert.True(first.IsOk && second.IsOk, first.Message ?? second.Message);
        var notes = (await grain.GetNotes(new NoteScope { Hub = hub })).Value!;
        Assert.Equal([(NoteKind.LeftVoicemail, Secret, "Ana", true), (NoteKind.Called, "No one home", "Sam", false)],
            notes.Select(n => (n.Kind, n.Text, n.By.DisplayName, n.ForVolunteer)));
        var view = (await grain.GetView())!;
        Assert.Equal(request.Version, view.Version);
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(view.Redact()));
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(await grain.GetSummary()));
        Assert.DoesNotContain(await grain.GetAudit(), a => a.Action.Contains("4471", StringComparison.Ordinal));
        Assert.Equal(boardBefore, (await domain.Hub(hub).GetSnapshot()).Version);

        // The next command made on the version seen before the notes is not stale.
        var triaged = await grain.Triage(new TriageCommand(request.Version, Domain.Sam));
        Assert.True(triaged.IsOk, triaged.Message);
    }

    [Fact]
    public async Task A_volunteer_scope_sees_only_the_notes_for_them_and_only_on_their_own_job()
    {
        var hub = await domain.NewHub();
        var priya = await domain.NewVolunteer(hub, "Priya");
        var omar = await domain.NewVolunteer(hub, "Omar");
        var request = await domain.NewRequest(hub);
        var grain = domain.RequestGrain(request.Id);
        await grain.AddNote(new AddNote(NoteKind.Note, "Private to the desk", false, Domain.Sam));
        await grain.AddNote(new AddNote(NoteKind.Texted, "Ring the side door", true, Domain.Sam));

        var before = await grain.GetNotes(new NoteScope { Hub = hub, AsVolunteer = priya.Id });
        Assert.Equal((ResultStatus.NotFound, Reason.NotYours), (before.Status, before.Reason));

        Assert.True((await grain.Assign(new AssignCommand(request.Version, Domain.Sam, priya.Id))).IsOk);
        var mine = await grain.GetNotes(new NoteScope { Hub = hub, AsVolunteer = priya.Id });
        Assert.Equal(["Ring the side door"], mine.Value!.Select(n => n.Text));
        var others = await grain.GetNotes(new NoteScope { Hub = hub, AsVolunteer = omar.Id });
        Assert.Equal((ResultStatus.NotFound, Reason.NotYours, null), (others.Status, others.Reason, others.Value));
        var otherHub = await grain.GetNotes(new NoteScope { Hub = await domain.NewHub() });
        Assert.Equal((ResultStatus.NotFound, Reason.NotInHub), (otherHub.Status, otherHub.Reason));
    }

    [Fact]
    public async Task A_note_needs_text_clean_and_bounded_and_a_known_kind()
    {
        var (_, _, grain) = await domain.NewHubWithRequest();

        var empty = await grain.AddNote(new AddNote(NoteKind.Called, " ", false, Domain.Sam));
        var tooLong = await grain.AddNote(new AddNote(NoteKind.Called, new string('a', MutualAid.Requests.AddNote.MaxLength + 1), false, Domain.Sam));
        var dirty = await grain.AddNote(new AddNote((NoteKind)99, "Called\u001b[31m", false, Domain.Sam));

        Assert.Equal([Reason.SayWhatHappened], empty.Errors.Select(e => e.Reason));
        Assert.Equal([Reason.TooLong], tooLong.Errors.Select(e => e.Reason));
        Assert.Equal([("Kind", Reason.ChooseNoteKind), ("Text", Reason.BadCharacters)], dirty.Errors.Select(e => (e.Field, e.Reason)));
        Assert.Empty((await grain.GetNotes(new NoteScope())).Value!);
    }

    [Fact]
    public async Task Erasing_the_personal_data_erases_the_contact_log()
    {
        var (_, request, grain) = await domain.NewHubWithRequest();
        await grain.AddNote(new AddNote(NoteKind.Visited, Secret, false, Domain.Sam));

        var erased = await grain.ErasePersonalData(new RequestCommand(request.Version, Domain.Sam, "Asked to be forgotten"));

        Assert.True(erased.IsOk, erased.Message);
        Assert.Empty((await grain.GetNotes(new NoteScope())).Value!);
    }
}
