namespace MutualAid.Grains.Tests.Regions;

[Collection(ClusterCollection.Name)]
public sealed class RegionTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Hubs_join_their_region_which_keeps_a_live_summary_and_an_escalation_inbox()
    {
        var (region, north, south) = await domain.NewRegionWithTwoHubs("East City");

        var overview = (await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())!;
        Assert.Equal("East City", overview.Name);
        Assert.Equal(new[] { north, south }.Order(), overview.Hubs.Select(h => h.Slug).Order());
        Assert.Contains(await fixture.Grains.GetGrain<INetworkGrain>(0).GetRegions(),
            r => r.Slug == region && r.HubSlugs.Order().SequenceEqual(new[] { north, south }.Order()));

        var critical = await domain.NewRequest(north, urgency: Urgency.Critical);
        overview = await domain.WaitForRegion(region, o => o.Hubs.Single(h => h.Slug == north).Counts.UnassignedCritical == 1);
        Assert.Equal(1, overview.Hubs.Single(h => h.Slug == north).OpenRequests);

        var escalated = await domain.RequestGrain(critical.Id).Escalate(new EscalateCommand(1, Domain.Sam, region, "no drivers tonight"));
        Assert.True(escalated.IsOk, escalated.Message);
        overview = await domain.WaitForRegion(region, o => o.Escalations.Count == 1 && o.Hubs.Single(h => h.Slug == north).OpenRequests == 0);
        var inbox = Assert.Single(overview.Escalations);
        Assert.Equal(critical.Id, inbox.Request.Id);
        Assert.Equal(north, inbox.FromHub);
        Assert.Equal("no drivers tonight", inbox.Reason);
        Assert.Equal(RequestStatus.Escalated, inbox.Request.Status);
    }

    [Fact]
    public async Task A_hub_cannot_silently_move_to_another_region()
    {
        var hub = await domain.NewHub("region-a");
        var moved = await domain.Hub(hub).Configure(new MutualAid.Hubs.HubSettings("Moved", "region-b"), Domain.Sam);
        Assert.Equal(ResultStatus.Refused, moved.Status);
        Assert.Equal(Reason.HubInOtherRegion, moved.Reason);
        Assert.Contains("already belongs to region 'region-a'", moved.Message);
    }

    [Fact]
    public async Task A_need_goes_only_to_its_own_hubs_region_which_it_finds_itself()
    {
        var (region, north, _) = await domain.NewRegionWithTwoHubs("Weir Valley");
        var other = await domain.NewRegion("Far Hills");
        var request = await domain.NewRequest(north);
        var grain = domain.RequestGrain(request.Id);

        var elsewhere = await grain.Escalate(new EscalateCommand(request.Version, Domain.Sam, other, "no drivers"));
        Assert.Equal((ResultStatus.Refused, Reason.NotTheHubsRegion), (elsewhere.Status, elsewhere.Reason));
        Assert.Equal(RequestStatus.New, (await grain.GetView())!.Status);

        var passed = await grain.Escalate(new EscalateCommand(request.Version, Domain.Sam, null, "no drivers"));
        Assert.True(passed.IsOk, passed.Message);
        Assert.Equal(region, passed.Value!.EscalatedTo);
        await domain.WaitForRegion(region, o => o.Escalations.Any(e => e.Request.Id == request.Id));

        var alone = await domain.NewRequest(await domain.NewHub());
        var nowhere = await domain.RequestGrain(alone.Id).Escalate(new EscalateCommand(alone.Version, Domain.Sam, null, "no drivers"));
        Assert.Equal((ResultStatus.Refused, Reason.HubInNoRegion), (nowhere.Status, nowhere.Reason));
    }
}
