namespace MutualAid.Web.Tests.Components;

/// <summary>The app's own actors (demo data, a text message, the public form) are stored with English names and read in the reader's language.</summary>
public sealed class AppActorWordsTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_dispatch_dialog_says_the_apps_own_actors_in_the_readers_language()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var volunteer = await Seed.Volunteer(grains, hub, "Vi");
        // As the demo seeder and an SMS reply record them: the app's own actors, stored with English names.
        var created = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Food, Urgency.Normal, "Mill Lane", "Bread",
            new ContactDetails("Jo", "07700 900555", null, null), RequestSource.PhoneIntake, new Actor("demo", "Demo data")));
        var assigned = await grains.GetGrain<IRequestGrain>(created.Value!.Id).Assign(new AssignCommand(created.Value.Version, new Actor("sms", "Text message"), volunteer));
        Assert.True(assigned.IsOk, assigned.Message);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        await Localization.Localized.In("es-ES", () =>
        {
            var dialog = context.Render<DispatchDialog>(p => p.Add(x => x.RequestId, created.Value.Id).Add(x => x.HubSlug, hub));
            dialog.WaitForAssertion(() => Assert.Contains("Mensaje de texto", dialog.Find("[data-testid=dispatch-assignment]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            Assert.Contains(dialog.FindAll("[data-testid=history-entry]"), e => e.TextContent.Contains("Datos de demostración", StringComparison.Ordinal));
            Assert.DoesNotContain("Demo data", dialog.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("Text message", dialog.Markup, StringComparison.Ordinal);
            return Task.CompletedTask;
        });
    }
}
