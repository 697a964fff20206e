namespace MutualAid.Web.Tests.Components;

public sealed class CaseWorkComponentTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_dispatch_dialogs_contact_log_adds_an_entry_and_shows_it_newest_first()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var request = await Seed.Request(grains, hub);
        await grains.GetGrain<IRequestGrain>(request.Id).AddNote(new AddNote(NoteKind.Called, "Rang at noon", false, Seed.Sam));
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Dispatcher, hub));

        var dialog = context.Render<DispatchDialog>(p => p.Add(x => x.RequestId, request.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[data-testid=note]")), TimeSpan.FromSeconds(10));
        await dialog.Change("[data-testid=note-kind]", nameof(NoteKind.LeftVoicemail));
        await dialog.Change("input[data-testid=note-text]", "Left a message 14:10");
        await dialog.Click("[data-testid=note-add]");

        dialog.WaitForAssertion(() =>
        {
            var notes = dialog.FindAll("[data-testid=note]");
            Assert.Equal(2, notes.Count);
            Assert.Contains("Left voicemail", notes[0].TextContent);
            Assert.Contains("Left a message 14:10", notes[0].TextContent);
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(request.Version, (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Version);
    }

    [Fact]
    public async Task The_edit_form_sends_only_what_changed_and_shows_a_refused_field_under_it()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var request = await Seed.Request(grains, hub);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));
        Result<RequestView>? last = null;
        async Task<Result<RequestView>?> Run(Func<Task<Result<RequestView>>> command) => last = await command();

        var form = context.Render<RequestEditForm>(p => p.Add(x => x.View, request).Add(x => x.HubSlug, hub).Add(x => x.Run, Run));
        form.WaitForAssertion(() => Assert.Contains("Food parcel", form.Find("textarea[data-testid=edit-need]").OuterHtml), TimeSpan.FromSeconds(10));
        await form.Change("textarea[data-testid=edit-need]", "  ");
        await form.Click("[data-testid=edit-save]");
        form.WaitForAssertion(() => Assert.Contains("Say what is needed", form.Find("[data-testid=field-error-Need]").TextContent, StringComparison.OrdinalIgnoreCase));

        await form.Change("textarea[data-testid=edit-need]", "Two food parcels");
        await form.Change("[data-testid=edit-urgency]", nameof(Urgency.Critical));
        await form.Click("[data-testid=edit-save]");

        form.WaitForAssertion(() => Assert.True(last?.IsOk, last?.Message), TimeSpan.FromSeconds(10));
        Assert.Equal("changed urgency, need", (await grains.GetGrain<IRequestGrain>(request.Id).GetAudit())[^1].Action);
    }

    /// <summary>
    /// The edit form runs its save through the dialog, which it does not own: the dialog must show the
    /// outcome and the request as saved, and hand the form the new version, or the next save conflicts
    /// with the dispatcher's own first one (found from nothing: marking a request as needing two).
    /// </summary>
    [Fact]
    public async Task Saving_the_edit_form_in_the_dispatch_dialog_shows_the_outcome_and_the_next_save_builds_on_it()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var request = await Seed.Request(grains, hub);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Dispatcher, hub));

        var dialog = context.Render<DispatchDialog>(p => p.Add(x => x.RequestId, request.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => dialog.Find("textarea[data-testid=edit-need]"), TimeSpan.FromSeconds(10));
        await dialog.Change("textarea[data-testid=edit-need]", "Two food parcels");
        await dialog.Click("[data-testid=edit-save]");

        dialog.WaitForAssertion(() =>
        {
            Assert.Contains("Done.", dialog.Find("[data-testid=dispatch-message]").TextContent, StringComparison.Ordinal);
            Assert.Contains("Two food parcels", dialog.Find("[data-testid=dispatch-dialog] > p").TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10));

        await dialog.Change("[data-testid=edit-urgency]", nameof(Urgency.Critical));
        await dialog.Click("[data-testid=edit-save]");
        var grain = grains.GetGrain<IRequestGrain>(request.Id);
        await Wait.Until(async () => (await grain.GetView())!.Urgency == Urgency.Critical, "the second save to be kept", 10);
        Assert.Equal("changed urgency", (await grain.GetAudit())[^1].Action);
    }

    /// <summary>
    /// Someone else's change arriving while a dispatcher edits brings what is true now into the fields
    /// they have not touched and keeps what they have (found from nothing: a ticked "two volunteers"
    /// was unticked by a newer version arriving before Save, which then had nothing to save).
    /// </summary>
    [Fact]
    public async Task A_newer_version_arriving_mid_edit_keeps_what_the_dispatcher_changed_and_brings_the_rest()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var request = await Seed.Request(grains, hub);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Dispatcher, hub));
        Result<RequestView>? last = null;
        async Task<Result<RequestView>?> Run(Func<Task<Result<RequestView>>> command) => last = await command();
        var form = context.Render<RequestEditForm>(p => p.Add(x => x.View, request).Add(x => x.HubSlug, hub).Add(x => x.Run, Run));
        form.WaitForAssertion(() => form.Find("textarea[data-testid=edit-need]"), TimeSpan.FromSeconds(10));

        await form.Click("[data-testid=edit-two]");
        var grain = grains.GetGrain<IRequestGrain>(request.Id);
        var elsewhere = await grain.Edit(new EditRequest(request.Version, Seed.Sam, new() { Need = "Three food parcels" }));
        Assert.True(elsewhere.IsOk, elsewhere.Message);
        form.Render(p => p.Add(x => x.View, elsewhere.Value!));

        Assert.Contains("Three food parcels", form.Find("textarea[data-testid=edit-need]").OuterHtml, StringComparison.Ordinal);
        await form.Click("[data-testid=edit-save]");
        form.WaitForAssertion(() => Assert.True(last?.IsOk, last?.Message), TimeSpan.FromSeconds(10));
        var now = (await grain.GetView())!;
        Assert.True(now.NeedsTwo);
        Assert.Equal("Three food parcels", now.Need);
        Assert.Equal("changed two volunteers", (await grain.GetAudit())[^1].Action);
    }
}
