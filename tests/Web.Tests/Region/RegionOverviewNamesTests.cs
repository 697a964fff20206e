namespace MutualAid.Web.Tests.Region;

/// <summary>The region's overview says which hub offered it a need by the hub's name, not its slug.</summary>
public sealed class RegionOverviewNamesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_need_offered_to_the_region_says_the_hub_it_came_from_by_name()
    {
        var grains = app.Factory.Grains;
        var region = $"reg-{Guid.NewGuid():N}"[..14];
        var hub = await Seed.Hub(grains, region);
        var renamed = await grains.GetGrain<IHubGrain>(hub).Configure((await grains.GetGrain<IHubGrain>(hub).GetSettings())! with { Name = "Harbour Side" }, Seed.Sam);
        Assert.True(renamed.IsOk, renamed.Message);
        var request = await Seed.Request(grains, hub, phone: "07700 909991");
        Assert.True((await grains.GetGrain<IRequestGrain>(request.Id).Escalate(new EscalateCommand(request.Version, Seed.Sam, region, "no drivers tonight"))).IsOk);

        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.RegionalCoordinator, region));
        var page = context.Render<RegionOverviewPage>(p => p.Add(x => x.Slug, region));

        page.WaitForAssertion(() => Assert.Contains("Harbour Side", page.Find("[data-testid=escalations-grid]").TextContent), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(hub, page.Find("[data-testid=escalations-grid]").TextContent);
    }

    [Fact]
    public async Task A_need_raised_to_the_network_says_the_region_it_came_from_by_name()
    {
        var grains = app.Factory.Grains;
        var (from, to) = ($"reg-{Guid.NewGuid():N}"[..14], $"reg-{Guid.NewGuid():N}"[..14]);
        Assert.True((await grains.GetGrain<IRegionGrain>(from).Configure("Valle Norte", Seed.Sam)).IsOk);
        Assert.True((await grains.GetGrain<IRegionGrain>(to).Configure("Costa", Seed.Sam)).IsOk);
        var hub = await Seed.Hub(grains, from);
        await Seed.Hub(grains, to);
        var request = await Seed.Request(grains, hub, phone: "07700 909992", urgency: Urgency.Critical);
        Assert.True((await grains.GetGrain<IRequestGrain>(request.Id).Escalate(new EscalateCommand(request.Version, Seed.Sam, from, "no drivers tonight"))).IsOk);
        await using var regional = ComponentContext.Create(app.Factory, new RoleGrant(Role.RegionalCoordinator, from));
        var raised = await regional.Services.GetRequiredService<SharingService>().RaiseToNetwork(request.Id, from, "every hub of the region is out of drivers");
        Assert.True(raised.IsOk, raised.Message);

        await using var other = ComponentContext.Create(app.Factory, new RoleGrant(Role.RegionalCoordinator, to));
        var page = other.Render<RegionOverviewPage>(p => p.Add(x => x.Slug, to));

        page.WaitForAssertion(() => Assert.Contains("Valle Norte", page.Find("[data-testid=raised-needs-grid]").TextContent), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(from, page.Find("[data-testid=raised-needs-grid]").TextContent);
    }
}
