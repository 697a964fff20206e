namespace MutualAid.Grains.Tests.Deadlines;

/// <summary>
/// A request reaches its region's inbox by the clock as well as by a person: offered past its
/// deadline, or by a safe-arrival alarm nobody acknowledged. Erasing the requester withdraws it.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class ErasingAnOfferedRequestTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Erasing_a_request_offered_to_the_region_by_its_deadline_withdraws_the_offer()
    {
        var region = Domain.NewSlug("region");
        var north = await domain.NewHub(region);
        var created = await domain.NewRequest(north, urgency: Urgency.Critical);
        var grain = domain.RequestGrain(created.Id);
        fixture.Clock.Advance(TimeSpan.FromMinutes(16));
        await grain.CheckDeadline(); // overdue
        fixture.Clock.Advance(TimeSpan.FromMinutes(15));
        await grain.CheckDeadline(); // offered
        var offered = (await grain.GetView())!;
        Assert.Equal(region, offered.OfferedToRegion);
        await domain.WaitForRegion(region, o => o.Escalations.Any(e => e.Request.Id == created.Id));

        var erased = await grain.ErasePersonalData(new RequestCommand(offered.Version, Domain.Sam, "the person asked"));

        Assert.True(erased.IsOk, erased.Message);
        Assert.Null(erased.Value!.OfferedToRegion);
        await domain.WaitForRegion(region, o => o.Escalations.Count == 0);
    }

    [Fact]
    public async Task Erasing_a_visit_whose_safe_arrival_alarm_escalated_withdraws_it_from_the_region()
    {
        var world = new Arrivals.ArrivalWorld(fixture.Grains);
        var region = Domain.NewSlug("region");
        var hub = await world.NewHub(region);
        var (priya, request, grain) = await world.AssignedVisit(hub);
        Assert.True((await grain.Arrive(Arrivals.ArrivalWorld.AsVolunteer(priya))).IsOk);
        fixture.Clock.Advance(ArrivalPolicy.Default.ExpectedVisit + ArrivalPolicy.Default.Margin);
        await grain.CheckArrival(); // the alarm
        fixture.Clock.Advance(ArrivalPolicy.Default.EscalateAfter);
        await grain.CheckArrival(); // nobody acknowledged: the region hears
        Assert.NotNull((await grain.GetView())!.Arrival!.EscalatedAt);
        await domain.WaitForRegion(region, o => o.Escalations.Any(e => e.Request.Id == request.Id));

        var erased = await grain.ErasePersonalData(new RequestCommand((await grain.GetView())!.Version, Domain.Sam, "the person asked"));

        Assert.True(erased.IsOk, erased.Message);
        await domain.WaitForRegion(region, o => o.Escalations.Count == 0);
    }
}
