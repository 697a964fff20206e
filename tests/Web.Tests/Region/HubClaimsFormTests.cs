namespace MutualAid.Web.Tests.Region;

/// <summary>
/// A hub's coordinators set how long a claim holds and how many a volunteer may give back in an hour,
/// and the requests the hub takes in from then on keep to them.
/// </summary>
public sealed class HubClaimsFormTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_coordinator_shortens_the_claim_window_and_the_give_backs_and_new_claims_keep_to_them()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var form = context.Render<HubClaimsForm>(p => p.Add(x => x.Slug, hub));
        form.WaitForAssertion(() => Assert.Equal("30", form.Find("[data-testid=claim-critical] input").GetAttribute("value")), TimeSpan.FromSeconds(10));

        await form.Change("[data-testid=claim-critical] input", "10");
        await form.Change("[data-testid=give-backs] input", "1");
        await form.Submit();

        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.GiveBacksPerHour == 1, () => $"saved; the form says {form.Markup.Length} chars, errors: {form.FindAll("[data-testid=claims-error]").Count}");
        Assert.Empty(form.FindAll("[data-testid=claims-error]"));
        Assert.Equal(TimeSpan.FromMinutes(10), (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.ClaimWindows.Critical);

        // A critical request taken in now: a claim on it holds ten minutes, and a second give-back stops the volunteer.
        var volunteer = await Seed.Volunteer(grains, hub, "Gia");
        async Task<RequestView> Claim(RequestView request) =>
            (await grains.GetGrain<IRequestGrain>(request.Id).Claim(new ClaimCommand(request.Version, Seed.Sam, volunteer) { AsVolunteer = volunteer })).Value!;
        var before = DateTimeOffset.UtcNow;
        var first = await Claim(await Seed.Request(grains, hub, "07700 900811", Urgency.Critical));
        Assert.InRange(first.Assignment!.ClaimExpiresAt!.Value, before.AddMinutes(10), DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.True((await grains.GetGrain<IRequestGrain>(first.Id).Decline(new RequestCommand(first.Version, Seed.Sam, "No car") { AsVolunteer = volunteer })).IsOk);
        var second = await Claim(await Seed.Request(grains, hub, "07700 900812", Urgency.Critical));
        Assert.True((await grains.GetGrain<IRequestGrain>(second.Id).Decline(new RequestCommand(second.Version, Seed.Sam, "No car") { AsVolunteer = volunteer })).IsOk);
        var third = await Seed.Request(grains, hub, "07700 900813", Urgency.Critical);
        var refused = await grains.GetGrain<IRequestGrain>(third.Id).Claim(new ClaimCommand(third.Version, Seed.Sam, volunteer) { AsVolunteer = volunteer });
        Assert.Equal(ResultStatus.Refused, refused.Status);
    }

    [Fact]
    public async Task Windows_past_a_week_and_give_backs_past_twenty_are_refused_and_a_dispatcher_may_not_set_them()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var regions = coordinator.Services.GetRequiredService<RegionService>();
        var week = TimeSpan.FromDays(7);

        var tooLong = await regions.UpdateClaims(hub, UrgencyTimes.DefaultClaims with { Low = week + TimeSpan.FromMinutes(1) }, 3);
        var tooMany = await regions.UpdateClaims(hub, UrgencyTimes.DefaultClaims, HubSettings.MostGiveBacksPerHour + 1);

        Assert.Equal(("Claims.Low", Reason.ClaimWindowOutOfRange), (Assert.Single(tooLong.Errors).Field, tooLong.Errors[0].Reason));
        Assert.Equal(("GiveBacksPerHour", "Between 1 and 20."), (Assert.Single(tooMany.Errors).Field, tooMany.Errors[0].Message));
        Assert.True((await regions.UpdateClaims(hub, UrgencyTimes.DefaultClaims with { Low = week }, HubSettings.MostGiveBacksPerHour)).IsOk);

        await using var dispatcher = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));
        var refused = await dispatcher.Services.GetRequiredService<RegionService>().UpdateClaims(hub, UrgencyTimes.DefaultClaims, 1);
        Assert.Equal((ResultStatus.Refused, Reason.NotACoordinator), (refused.Status, refused.Reason));
        Assert.Equal(HubSettings.MostGiveBacksPerHour, (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.GiveBacksPerHour);
    }
}
