namespace MutualAid.Grains.Tests.Requests;

[Collection(ClusterCollection.Name)]
public sealed class EditRequestTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task An_edit_changes_only_the_fields_it_sets_and_its_audit_names_them()
    {
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub, category: RequestCategory.Food, urgency: Urgency.Normal);
        var grain = domain.RequestGrain(request.Id);

        var edited = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { Urgency = Urgency.High, Area = "  Mill Lane ", NeedsVehicle = true }) { Hub = hub });

        Assert.True(edited.IsOk, edited.Message);
        var view = edited.Value!;
        Assert.Equal((Urgency.High, "Mill Lane", true, RequestCategory.Food, request.Need, "Spanish"),
            (view.Urgency, view.Area, view.NeedsVehicle, view.Category, view.Need, view.PreferredLanguage));
        Assert.Equal(request.Version + 1, view.Version);
        var entry = (await grain.GetAudit())[^1];
        Assert.Equal(("DidEdit", "changed urgency, area, vehicle needed", Domain.Sam), (entry.Said.Key, entry.Action, entry.Actor));
        // The fields travel as words the reader's language has, not as English.
        var list = Assert.IsType<Phrase>(entry.Said.Args[0]);
        Assert.Equal(Reason.ListOf.Key(), list.Key);
    }

    [Theory]
    [InlineData("es", "Spanish")]
    [InlineData(" Español ", "Spanish")]
    [InlineData("ar-EG", "Arabic")]
    [InlineData("Tigrinya (Eritrea)", "Tigrinya (Eritrea)")]
    public async Task A_known_language_is_recorded_by_its_English_name_however_it_was_written(string typed, string recorded)
    {
        var hub = await domain.NewHub();
        var created = await domain.RequestGrain(Guid.NewGuid()).Create(Domain.Request(hub) with { PreferredLanguage = typed });
        Assert.True(created.IsOk, created.Message);
        // Before, the public form's "es" was kept as "es": boards showed "es" and the CSV column mixed "es" and "Spanish".
        Assert.Equal(recorded, created.Value!.PreferredLanguage);

        var edited = await domain.RequestGrain(created.Value.Id).Edit(new EditRequest(created.Value.Version, Domain.Sam, new() { PreferredLanguage = typed, Urgency = Urgency.High }) { Hub = hub });
        Assert.True(edited.IsOk, edited.Message);
        Assert.Equal(recorded, edited.Value!.PreferredLanguage);
        Assert.Equal("changed urgency", (await domain.RequestGrain(created.Value.Id).GetAudit())[^1].Action);
    }

    [Fact]
    public async Task An_empty_text_clears_an_optional_field_and_an_edit_that_changes_nothing_is_refused()
    {
        var (_, request, grain) = await domain.NewHubWithRequest();

        var same = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { Urgency = request.Urgency, Area = request.Area }));
        Assert.Equal((ResultStatus.Refused, Reason.NothingToChange), (same.Status, same.Reason));

        var cleared = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { AccessibilityNotes = "" }));
        Assert.True(cleared.IsOk, cleared.Message);
        Assert.Null(cleared.Value!.AccessibilityNotes);
        Assert.Equal("changed accessibility notes", (await grain.GetAudit())[^1].Action);
    }

    [Fact]
    public async Task Invalid_fields_are_named_each_with_its_reason_and_nothing_changes()
    {
        var (_, request, grain) = await domain.NewHubWithRequest();

        var invalid = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new()
        {
            Need = "  ",
            Area = new string('x', NewRequest.MaxShortText + 1),
            Urgency = (Urgency)42,
            PreferredLanguage = "Span\u0007ish",
        }));

        Assert.Equal(ResultStatus.Invalid, invalid.Status);
        Assert.Equal(
            [("Urgency", Reason.UnknownUrgency), ("Need", Reason.SayWhatIsNeeded), ("Area", Reason.TooLong), ("PreferredLanguage", Reason.BadCharacters)],
            invalid.Errors.Select(e => (e.Field, e.Reason)));
        Assert.Equal(request.Version, (await grain.GetView())!.Version);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_naming_who_changed_what()
    {
        var (_, request, grain) = await domain.NewHubWithRequest();
        var first = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { Category = RequestCategory.Medicine }));
        Assert.True(first.IsOk, first.Message);

        var stale = await grain.Edit(new EditRequest(request.Version, Domain.Ana, new() { Need = "Nappies" }));

        Assert.Equal((ResultStatus.Conflict, Reason.Stale), (stale.Status, stale.Reason));
        Assert.Equal((Domain.Sam, "changed category", request.Version, first.Value!.Version),
            (stale.Conflict!.ChangedBy, stale.Conflict.Change, stale.Conflict.ExpectedVersion, stale.Conflict.CurrentVersion));
        Assert.Equal(request.Need, (await grain.GetView())!.Need);
    }

    [Fact]
    public async Task A_closed_request_cannot_be_edited_and_another_hub_cannot_reach_it()
    {
        var (_, request, grain) = await domain.NewHubWithRequest();

        var elsewhere = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { Need = "More" }) { Hub = await domain.NewHub() });
        Assert.Equal((ResultStatus.NotFound, Reason.NotInHub), (elsewhere.Status, elsewhere.Reason));

        var cancelled = await grain.Cancel(new RequestCommand(request.Version, Domain.Sam, "Family helped"));
        var closed = await grain.Edit(new EditRequest(cancelled.Value!.Version, Domain.Sam, new() { Need = "More" }));
        Assert.Equal((ResultStatus.Refused, Reason.ReopenFirst), (closed.Status, closed.Reason));
        Assert.True(RequestLifecycle.Allows(RequestAction.Edit, RequestStatus.InProgress));
    }

    [Fact]
    public async Task The_board_shows_the_edited_request()
    {
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub);

        var edited = await domain.RequestGrain(request.Id).Edit(new EditRequest(request.Version, Domain.Sam, new() { Urgency = Urgency.Critical, Area = "Canal Row" }));

        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id && r.Version == edited.Value!.Version
            && r.Urgency == Urgency.Critical && r.Area == "Canal Row"));
    }
}
