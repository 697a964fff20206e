namespace MutualAid.Web.Tests.Board;

/// <summary>
/// A texted request that names no place is stored with one English word; every page reads it as the
/// board does, in the reader's language ("Lugar sin indicar"), never as the stored "Unknown".
/// </summary>
public sealed class NoPlaceGivenTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_map_lists_a_request_with_no_place_named_in_the_readers_words()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await Texted(hub, "07700 909993");

        await Localization.Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
            var page = context.Render<MapPage>(p => p.Add(x => x.Slug, hub));

            page.WaitForAssertion(() => Assert.Contains("Lugar sin indicar", page.Find("[data-testid=map-list]").TextContent), TimeSpan.FromSeconds(10));
            Assert.DoesNotContain(NewRequest.AreaNotGiven, page.Find("[data-testid=map-list]").TextContent);
        });
    }

    [Fact]
    public async Task The_region_lists_a_need_offered_to_it_with_no_place_named_in_the_readers_words()
    {
        var grains = app.Factory.Grains;
        var region = $"reg-{Guid.NewGuid():N}"[..14];
        var hub = await Seed.Hub(grains, region);
        var request = await Texted(hub, "07700 909992");
        Assert.True((await grains.GetGrain<IRequestGrain>(request.Id).Escalate(new EscalateCommand(request.Version, Seed.Sam, region, "no drivers tonight"))).IsOk);

        await Localization.Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.RegionalCoordinator, region));
            var page = context.Render<RegionOverviewPage>(p => p.Add(x => x.Slug, region));

            page.WaitForAssertion(() => Assert.Contains("Lugar sin indicar", page.Find("[data-testid=escalations-grid]").TextContent), TimeSpan.FromSeconds(10));
            Assert.DoesNotContain(NewRequest.AreaNotGiven, page.Find("[data-testid=escalations-grid]").TextContent);
        });
    }

    /// <summary>As a text that names no place arrives; the map needs a position, which a dispatcher may add later.</summary>
    private async Task<RequestView> Texted(string hub, string phone)
    {
        var created = await app.Factory.Grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Food, Urgency.Normal, NewRequest.AreaNotGiven,
            "HELP food", new ContactDetails(phone, phone, null, null), RequestSource.Sms, Seed.Sam)
        {
            Location = new GeoPoint(51.523456, -0.087654),
        });
        Assert.True(created.IsOk, created.Message);
        return created.Value!;
    }
}
