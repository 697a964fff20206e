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
        await dialog.Find("[data-testid=note-kind]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = nameof(NoteKind.LeftVoicemail) });
        await dialog.Find("input[data-testid=note-text]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Left a message 14:10" });
        await dialog.Find("[data-testid=note-add]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

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
        await form.Find("textarea[data-testid=edit-need]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "  " });
        await form.Find("[data-testid=edit-save]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        form.WaitForAssertion(() => Assert.Contains("Say what is needed", form.Find("[data-testid=field-error-Need]").TextContent, StringComparison.OrdinalIgnoreCase));

        await form.Find("textarea[data-testid=edit-need]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Two food parcels" });
        await form.Find("[data-testid=edit-urgency]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = nameof(Urgency.Critical) });
        await form.Find("[data-testid=edit-save]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

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
        await dialog.Find("textarea[data-testid=edit-need]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Two food parcels" });
        await dialog.Find("[data-testid=edit-save]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        dialog.WaitForAssertion(() =>
        {
            Assert.Contains("Done.", dialog.Find("[data-testid=dispatch-message]").TextContent, StringComparison.Ordinal);
            Assert.Contains("Two food parcels", dialog.Find("[data-testid=dispatch-dialog] > p").TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10));

        await dialog.Find("[data-testid=edit-urgency]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = nameof(Urgency.Critical) });
        await dialog.Find("[data-testid=edit-save]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        var grain = grains.GetGrain<IRequestGrain>(request.Id);
        await Wait.Until(async () => (await grain.GetView())!.Urgency == Urgency.Critical, "the second save to be kept", 10);
        Assert.Equal("changed urgency", (await grain.GetAudit())[^1].Action);
    }
}
