namespace MutualAid.Web.Tests.Region;

/// <summary>
/// A hub's coordinators can put right the name its people and the public read (it was fixed at
/// creation): the region's overview follows, an empty name is refused, and nobody else may rename it.
/// </summary>
public sealed class HubNameFormTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_coordinator_renames_the_hub_and_the_region_reads_the_new_name()
    {
        var grains = app.Factory.Grains;
        var region = $"r-{Guid.NewGuid():N}"[..12];
        var hub = await Seed.Hub(grains, region);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var form = context.Render<HubNameForm>(p => p.Add(x => x.Slug, hub));
        form.WaitForAssertion(() => Assert.Equal("Hub " + hub, form.Find("[data-testid=hub-name]").GetAttribute("value")), TimeSpan.FromSeconds(10));

        await form.Change("[data-testid=hub-name]", "   ");
        await form.Submit();
        form.WaitForAssertion(() => Assert.Contains("Give the hub a name", form.Find("[data-testid=hub-name-error]").TextContent, StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(10));
        Assert.Equal("Hub " + hub, (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.Name);

        await form.Change("[data-testid=hub-name]", " Mill Lane Pantry ");
        await form.Submit();

        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.Name == "Mill Lane Pantry", "the hub keeps its new name");
        await Wait.Until(async () => (await grains.GetGrain<IRegionGrain>(region).GetOverview())!.Hubs.Single(h => h.Slug == hub).Name == "Mill Lane Pantry", "the region reads the new name");
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=hub-name-error]")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_hubs_pages_are_headed_by_its_name_and_the_settings_heading_follows_a_rename_at_once()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));

        var team = context.Render<MutualAid.Web.People.TeamPage>(p => p.Add(x => x.Slug, hub));
        team.WaitForAssertion(() => Assert.StartsWith($"Team of Hub {hub} ", team.Find("[data-testid=hub-heading]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        var settings = context.Render<HubSettingsPage>(p => p.Add(x => x.Slug, hub));
        settings.WaitForAssertion(() => Assert.StartsWith($"Settings of Hub {hub} ", settings.Find("[data-testid=hub-heading]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        settings.WaitForAssertion(() => Assert.Equal("Hub " + hub, settings.Find("[data-testid=hub-name]").GetAttribute("value")), TimeSpan.FromSeconds(10));
        await settings.Change("[data-testid=hub-name]", "Mill Lane Pantry");
        await settings.InvokeAsync(() => settings.Find("[data-testid=hub-name]").Closest("form")!.Submit());

        settings.WaitForAssertion(() => Assert.StartsWith("Settings of Mill Lane Pantry ", settings.Find("[data-testid=hub-heading]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_dispatcher_cannot_rename_the_hub_nor_read_its_name_here()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));
        var regions = context.Services.GetRequiredService<RegionService>();

        var result = await regions.Rename(hub, "Taken Over");

        Assert.Equal((ResultStatus.Refused, Reason.NotACoordinator), (result.Status, result.Reason));
        Assert.Null(await regions.Name(hub));
        Assert.Equal("Hub " + hub, (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.Name);
    }
}
