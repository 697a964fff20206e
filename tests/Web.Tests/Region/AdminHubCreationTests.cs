namespace MutualAid.Web.Tests.Region;

/// <summary>
/// The administrator makes a hub in the zone they give; making it again under the same name is
/// refused and leaves the hub as its coordinators set it.
/// </summary>
public sealed class AdminHubCreationTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_hub_is_made_in_its_zone_and_making_it_again_keeps_what_its_coordinators_set()
    {
        var name = $"Mill {Guid.NewGuid():N}"[..13];
        var slug = Slug.From(name);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.NetworkAdmin, null));
        var page = context.Render<AdminPage>();
        Assert.Equal("UTC", page.Find("[data-testid=admin-hub-zone]").GetAttribute("value")); // a browser that cannot say

        await page.Change("[data-testid=admin-region]", "East Side");
        await page.Change("[data-testid=admin-hub]", name);
        await page.Change("[data-testid=admin-hub-zone]", "Europe/Madrid");
        await page.Click("[data-testid=admin-create-hub]");
        page.WaitForAssertion(() => Assert.Contains(slug, page.Find("[data-testid=admin-message]").TextContent), TimeSpan.FromSeconds(10));
        var hub = app.Factory.Grains.GetGrain<IHubGrain>(slug);
        Assert.Equal("Europe/Madrid", (await hub.GetSettings())!.TimeZoneId);
        await Seed.InZone(app.Factory.Grains, slug, "Asia/Tokyo"); // its coordinators moved it since

        await page.Change("[data-testid=admin-hub-zone]", "UTC");
        await page.Click("[data-testid=admin-create-hub]");

        page.WaitForAssertion(() => Assert.EndsWith($"Hub '{slug}' already exists: change it on its settings page.", page.Find("[data-testid=admin-message]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("Asia/Tokyo", (await hub.GetSettings())!.TimeZoneId);
    }

    [Fact]
    public async Task A_hub_refused_for_an_unknown_zone_leaves_no_new_region_behind()
    {
        var region = $"Moor {Guid.NewGuid():N}"[..13];
        var hubName = $"Tor {Guid.NewGuid():N}"[..12];
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.NetworkAdmin, null));
        var page = context.Render<AdminPage>();

        await page.Change("[data-testid=admin-region]", region);
        await page.Change("[data-testid=admin-hub]", hubName);
        await page.Change("[data-testid=admin-hub-zone]", "Mars/Olympus");
        await page.Click("[data-testid=admin-create-hub]");

        page.WaitForAssertion(() => Assert.EndsWith("Unknown time zone 'Mars/Olympus'.", page.Find("[data-testid=admin-message]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Null(await app.Factory.Grains.GetGrain<IRegionGrain>(Slug.From(region)).GetOverview());
        Assert.DoesNotContain(await app.Factory.Grains.GetGrain<INetworkGrain>(0).GetRegions(), r => r.Slug == Slug.From(region));
        Assert.Null(await app.Factory.Grains.GetGrain<IHubGrain>(Slug.From(hubName)).GetSummary());
    }

    [Fact]
    public async Task A_hub_refused_because_it_exists_leaves_no_new_region_behind()
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        var region = $"Fen {Guid.NewGuid():N}"[..12];
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.NetworkAdmin, null));
        var page = context.Render<AdminPage>();

        await page.Change("[data-testid=admin-region]", region);
        await page.Change("[data-testid=admin-hub]", hub);
        await page.Click("[data-testid=admin-create-hub]");

        page.WaitForAssertion(() => Assert.EndsWith($"Hub '{hub}' already exists: change it on its settings page.", page.Find("[data-testid=admin-message]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Null(await app.Factory.Grains.GetGrain<IRegionGrain>(Slug.From(region)).GetOverview());
        Assert.DoesNotContain(await app.Factory.Grains.GetGrain<INetworkGrain>(0).GetRegions(), r => r.Slug == Slug.From(region));
        Assert.Equal("test-region", (await app.Factory.Grains.GetGrain<IHubGrain>(hub).GetSettings())!.RegionSlug);
    }

    [Fact]
    public async Task A_hub_made_in_a_region_that_exists_keeps_the_regions_name_and_the_region_is_not_made_again()
    {
        var region = $"Weir {Guid.NewGuid():N}"[..13];
        var regionSlug = Slug.From(region);
        var hubName = $"Lock {Guid.NewGuid():N}"[..13];
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.NetworkAdmin, null));
        var page = context.Render<AdminPage>();
        var grain = app.Factory.Grains.GetGrain<IRegionGrain>(regionSlug);

        await page.Change("[data-testid=admin-new-region]", region);
        await page.Click("[data-testid=admin-create-region]");
        page.WaitForAssertion(() => Assert.EndsWith($"Region '{regionSlug}' is ready.", page.Find("[data-testid=admin-message]").TextContent), TimeSpan.FromSeconds(10));

        // The same region, typed another way, for a new hub: the hub joins it and its name stays.
        await page.Change("[data-testid=admin-region]", region.ToLowerInvariant());
        await page.Change("[data-testid=admin-hub]", hubName);
        await page.Click("[data-testid=admin-create-hub]");
        page.WaitForAssertion(() => Assert.EndsWith($"Hub '{Slug.From(hubName)}' created in region '{regionSlug}'.", page.Find("[data-testid=admin-message]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(regionSlug, (await app.Factory.Grains.GetGrain<IHubGrain>(Slug.From(hubName)).GetSettings())!.RegionSlug);
        Assert.Equal(region, (await grain.GetOverview())!.Name);

        await page.Change("[data-testid=admin-new-region]", region.ToUpperInvariant());
        await page.Click("[data-testid=admin-create-region]");
        page.WaitForAssertion(() => Assert.EndsWith($"Region '{regionSlug}' already exists.", page.Find("[data-testid=admin-message]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(region, (await grain.GetOverview())!.Name);
    }

    [Fact]
    public async Task An_administrator_renames_a_region_that_exists_and_nobody_else_can()
    {
        var region = $"Weir {Guid.NewGuid():N}"[..13];
        var slug = Slug.From(region);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.NetworkAdmin, null));
        var page = context.Render<AdminPage>();
        await page.Change("[data-testid=admin-new-region]", region);
        await page.Click("[data-testid=admin-create-region]");
        page.WaitForAssertion(() => Assert.EndsWith($"Region '{slug}' is ready.", page.Find("[data-testid=admin-message]").TextContent), TimeSpan.FromSeconds(10));

        var pick = page.FindComponents<Radzen.Blazor.RadzenDropDown<string>>().Single(d => d.Markup.Contains("data-testid=\"admin-rename-region\"", StringComparison.Ordinal));
        await page.InvokeAsync(() => pick.Instance.ValueChanged.InvokeAsync(slug));
        await page.Change("[data-testid=admin-rename-to]", " Weir and Lock Valley ");
        await page.Click("[data-testid=admin-rename]");

        page.WaitForAssertion(() => Assert.EndsWith($"Region '{slug}' is now called Weir and Lock Valley.", page.Find("[data-testid=admin-message]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("Weir and Lock Valley", (await app.Factory.Grains.GetGrain<IRegionGrain>(slug).GetOverview())!.Name);
        var regions = context.Services.GetRequiredService<RegionService>();
        var unknown = await regions.RenameRegion("no-such-" + Guid.NewGuid().ToString("N")[..6], "Anywhere");
        Assert.Equal((ResultStatus.NotFound, Reason.NoSuchRegion), (unknown.Status, unknown.Reason));

        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, await Seed.Hub(app.Factory.Grains, slug)));
        var refused = await coordinator.Services.GetRequiredService<RegionService>().RenameRegion(slug, "Taken Over");
        Assert.Equal((ResultStatus.Refused, Reason.NotAnAdministrator), (refused.Status, refused.Reason));
        Assert.Equal("Weir and Lock Valley", (await app.Factory.Grains.GetGrain<IRegionGrain>(slug).GetOverview())!.Name);
    }
}
