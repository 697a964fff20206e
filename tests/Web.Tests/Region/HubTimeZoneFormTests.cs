namespace MutualAid.Web.Tests.Region;

/// <summary>
/// A hub's coordinators set the zone its people read times in; a name the server does not know is
/// refused and changes nothing, and nobody else may set it.
/// </summary>
public sealed class HubTimeZoneFormTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_coordinator_sets_the_zone_an_unknown_name_is_refused_and_their_own_pages_read_the_new_one()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var zones = context.Services.GetRequiredService<HubZones>();
        Assert.Equal(TimeZoneInfo.Utc, await zones.Of(hub)); // read (and kept) before the change

        var form = context.Render<HubTimeZoneForm>(p => p.Add(x => x.Slug, hub));
        form.WaitForAssertion(() => Assert.Equal("UTC", form.Find("[data-testid=hub-timezone]").GetAttribute("value")), TimeSpan.FromSeconds(10));
        Assert.Contains(form.FindAll("#hub-zones option"), o => o.GetAttribute("value") == "Asia/Tokyo");

        await form.Change("[data-testid=hub-timezone]", "Mars/Olympus_Mons");
        await form.Submit();
        form.WaitForAssertion(() => Assert.Contains("Mars/Olympus_Mons", form.Find("[data-testid=hub-timezone-error]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("UTC", (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.TimeZoneId);

        // Typed as people type it: spaces, any case; kept as the zone database spells it.
        await form.Change("[data-testid=hub-timezone]", " asia/tokyo ");
        await form.Submit();
        // The page says so once the hub has it and this circuit has let its old zone go.
        var notices = context.Services.GetRequiredService<Radzen.NotificationService>();
        await Wait.Until(() => notices.Messages.Any(m => m.Summary == "Time zone saved"), "the page says the zone is saved");
        // The notice comes inside the save; the page draws again, without the earlier refusal, once it returns.
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=hub-timezone-error]")), TimeSpan.FromSeconds(10));
        Assert.Equal("Asia/Tokyo", (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.TimeZoneId);
        Assert.Equal("Asia/Tokyo", (await zones.Of(hub)).Id);
    }

    [Fact]
    public async Task A_dispatcher_cannot_set_the_hubs_zone_nor_read_it_here()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));
        var regions = context.Services.GetRequiredService<RegionService>();

        var result = await regions.UpdateTimeZone(hub, "Asia/Tokyo");

        Assert.Equal((ResultStatus.Refused, Reason.NotACoordinator), (result.Status, result.Reason));
        Assert.Null(await regions.TimeZone(hub));
        Assert.Equal("UTC", (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.TimeZoneId);
    }
}
