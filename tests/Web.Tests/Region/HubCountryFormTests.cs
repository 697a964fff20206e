namespace MutualAid.Web.Tests.Region;

/// <summary>
/// A hub's coordinators set the country its numbers typed without a "+" are read by; a code no country
/// has is refused in words and changes nothing.
/// </summary>
public sealed class HubCountryFormTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_coordinator_sets_the_hubs_country_and_a_code_no_country_has_is_refused()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var form = context.Render<HubCountryForm>(p => p.Add(x => x.Slug, hub));
        form.WaitForAssertion(() => form.Find("[data-testid=hub-country]"), TimeSpan.FromSeconds(10));
        Assert.Contains(form.FindAll("#hub-countries option"), o => o.GetAttribute("value") == "ES");

        await form.Change("[data-testid=hub-country]", "XX");
        await form.Submit();
        form.WaitForAssertion(() => Assert.Contains("'XX' is not a country code", form.Find("[data-testid=hub-country-error]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Null((await grains.GetGrain<IHubGrain>(hub).GetSettings())!.Country);

        // Typed as people type it; kept as ISO writes it.
        await form.Change("[data-testid=hub-country]", " es ");
        await form.Submit();

        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.Country == "ES", "the hub keeps its country");
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=hub-country-error]")), TimeSpan.FromSeconds(10));

        // Empty clears it: numbers without a "+" are then not texted at all.
        await form.Change("[data-testid=hub-country]", "");
        await form.Submit();
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.Country is null, "the hub forgets its country");
    }

    [Fact]
    public async Task A_dispatcher_cannot_set_the_hubs_country()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));
        var regions = context.Services.GetRequiredService<RegionService>();

        var result = await regions.UpdateCountry(hub, "ES");

        Assert.Equal((ResultStatus.Refused, Reason.NotACoordinator), (result.Status, result.Reason));
        Assert.Null(await regions.Country(hub));
        Assert.Null((await grains.GetGrain<IHubGrain>(hub).GetSettings())!.Country);
    }
}
