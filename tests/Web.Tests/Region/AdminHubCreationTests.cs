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
}
