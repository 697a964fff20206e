namespace MutualAid.Grains.Tests.Regions;

/// <summary>
/// The region's inbox and the network's list show a request's need, area, rough location and
/// language far beyond its hub: erasing the requester takes it out of both, whatever state it was in.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ErasureWithdrawsFromRegionTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Erasing_an_escalated_request_raised_to_the_network_closes_it_and_withdraws_it_from_region_and_network()
    {
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var request = await domain.NewRequest(north, urgency: Urgency.Critical, area: "Canal Row 7");
        var grain = domain.RequestGrain(request.Id);
        var escalated = (await grain.Escalate(new EscalateCommand(request.Version, Domain.Sam, region, "no drivers"))).Value!;
        var raised = await grain.RaiseToNetwork(new RequestCommand(escalated.Version, Domain.Sam, "out of drivers"));
        Assert.True(raised.IsOk, raised.Message);
        await domain.WaitForRegion(region, o => o.Escalations.Any(e => e.Request.Id == request.Id));
        Assert.Contains(await fixture.Grains.GetGrain<INetworkGrain>(0).GetRaisedNeeds(), n => n.Need.Request.Id == request.Id);

        var erased = await grain.ErasePersonalData(new RequestCommand(raised.Value!.Version, Domain.Sam, "the person asked") { Hub = north });

        Assert.True(erased.IsOk, erased.Message);
        var tombstone = erased.Value!;
        Assert.Equal(ContactDetails.ErasedName, tombstone.Need);
        Assert.Equal(RequestStatus.Cancelled, tombstone.Status); // waiting on the region is still waiting: it closes
        Assert.Null(tombstone.EscalatedTo);
        Assert.False(tombstone.RaisedToNetwork);
        Assert.Equal(["cancelled this", "erased the personal data in this"], (await grain.GetAudit()).TakeLast(2).Select(a => a.Action));
        await domain.WaitForRegion(region, o => o.Escalations.Count == 0);
        Assert.DoesNotContain(await fixture.Grains.GetGrain<INetworkGrain>(0).GetRaisedNeeds(), n => n.Need.Request.Id == request.Id);
    }
}
