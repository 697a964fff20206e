using MutualAid.Web.Volunteers;

namespace MutualAid.Web.Tests.Volunteers;

/// <summary>
/// The hours page of a hub that imported its spreadsheet: before, all its volunteers were drawn as
/// one page (600 KB for 7,000) and the totals read "0 h" until they had been read.
/// </summary>
public sealed class HubHoursPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Thirty_volunteers_are_shown_twenty_five_at_a_time_with_the_hubs_totals()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        for (var i = 0; i < 30; i++) await Seed.Volunteer(grains, hub, $"Person {i:00}");
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count == 30, "the board to hold thirty volunteers");
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));

        var page = coordinator.Render<HubHoursPage>(p => p.Add(x => x.Slug, hub));

        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=hours-name]").Count), TimeSpan.FromSeconds(20));
        Assert.NotEmpty(page.FindAll("[data-testid=hours-grid] .rz-pager"));
        Assert.Single(page.FindAll("[data-testid=hub-hours-total]"));
    }
}
