using MutualAid.Web.Safety;

namespace MutualAid.Web.Tests.Safety;

/// <summary>A volunteer's checks are headed by each hub's name as people read it, not by its slug.</summary>
public sealed class MyChecksTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_volunteers_checks_are_headed_by_the_hubs_name_after_a_rename()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var renamed = await grains.GetGrain<IHubGrain>(hub).Configure((await grains.GetGrain<IHubGrain>(hub).GetSettings())! with { Name = "Harbour Side" }, Seed.Sam);
        Assert.True(renamed.IsOk, renamed.Message);
        var volunteer = await Seed.Volunteer(grains, hub, "Vera");

        await using var context = ComponentContext.Create(app.Factory, volunteer, new RoleGrant(Role.Volunteer, hub));
        var checks = context.Render<MyChecks>(p => p.Add(x => x.VolunteerId, volunteer));

        checks.WaitForAssertion(() => Assert.Equal("Checks and training at Harbour Side", checks.Find("[data-testid=my-checks] h2").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }
}
