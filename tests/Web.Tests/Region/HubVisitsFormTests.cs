using MutualAid.Web.Arrivals;

namespace MutualAid.Web.Tests.Region;

/// <summary>
/// A hub's coordinators say what counts as a visit (categories, after dark and when dark is), and the
/// requests it takes in from then on get the safe-arrival steps by those rules.
/// </summary>
public sealed class HubVisitsFormTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_form_shows_the_hubs_rules_and_saves_its_hours_of_darkness()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));

        var form = context.Render<HubVisitsForm>(p => p.Add(x => x.Slug, hub));

        form.WaitForAssertion(() => Assert.Equal("20", form.Find("[data-testid=visit-dark-from] input").GetAttribute("value")), TimeSpan.FromSeconds(10));
        Assert.Contains("Eldercare", form.Find("[data-testid=visit-categories]").TextContent, StringComparison.Ordinal);
        // The name is in the markup itself: Radzen links the label by script after render, which an axe run can beat.
        Assert.Equal(form.Find("label[for=visit-after-dark]").TextContent.Trim(), form.Find("[data-testid=visit-after-dark]").GetAttribute("aria-label"));
        await form.Change("[data-testid=visit-dark-from] input", "19");
        await form.Change("[data-testid=visit-dark-until] input", "6");
        await form.Submit();

        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.ArrivalRules.DarkFrom == new TimeOnly(19, 0), "the hours of darkness saved");
        var rules = (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.ArrivalRules;
        Assert.Equal((new TimeOnly(6, 0), true), (rules.DarkUntil, rules.AfterDarkIsVisit));
        Assert.Equal(ArrivalPolicy.Default.VisitCategories, rules.VisitCategories);
        Assert.Empty(form.FindAll("[data-testid=visits-error]"));
    }

    [Fact]
    public async Task A_safe_arrival_timer_typed_as_nothing_becomes_the_networks_shortest_time_not_a_second()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));

        var form = context.Render<HubArrivalsForm>(p => p.Add(x => x.Slug, hub));

        form.WaitForAssertion(() => Assert.Equal("90", form.Find("[data-testid=arrival-expected] input").GetAttribute("value")), TimeSpan.FromSeconds(10));
        await form.Change("[data-testid=arrival-expected] input", "0");
        await form.Submit();

        // The network counts in whole minutes (the default): a visit alarm a second after "I'm here" would be a false alarm.
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.ArrivalRules.ExpectedVisit != ArrivalPolicy.Default.ExpectedVisit, "the timer saved");
        Assert.Equal(TimeSpan.FromMinutes(1), (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.ArrivalRules.ExpectedVisit);
    }

    [Fact]
    public async Task A_category_made_a_visit_makes_new_requests_in_it_visits_and_a_dispatcher_may_not_change_it()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var regions = coordinator.Services.GetRequiredService<RegionService>();

        var saved = await regions.UpdateVisits(hub, [RequestCategory.Transport, RequestCategory.Transport], false, new TimeOnly(20, 0), new TimeOnly(7, 0));
        var odd = await regions.UpdateVisits(hub, [(RequestCategory)99], false, new TimeOnly(20, 0), new TimeOnly(7, 0));

        Assert.True(saved.IsOk, saved.Message);
        Assert.Equal("VisitCategories", Assert.Single(odd.Errors).Field);
        Assert.Equal([RequestCategory.Transport], (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.ArrivalRules.VisitCategories);
        Assert.True((await Take(RequestCategory.Transport)).IsVisit);
        Assert.False((await Take(RequestCategory.Eldercare)).IsVisit); // no longer one here

        await using var dispatcher = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));
        var refused = await dispatcher.Services.GetRequiredService<RegionService>().UpdateVisits(hub, [], false, new TimeOnly(20, 0), new TimeOnly(7, 0));
        Assert.Equal((ResultStatus.Refused, Reason.NotACoordinator), (refused.Status, refused.Reason));

        async Task<RequestView> Take(RequestCategory category)
        {
            var result = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, category, Urgency.Normal, "Elm Street",
                "A lift", new ContactDetails("Maria Lopez", "07700 900777", null, "12 Elm Street"), RequestSource.PhoneIntake, Seed.Sam));
            Assert.True(result.IsOk, result.Message);
            return result.Value!;
        }
    }
}
