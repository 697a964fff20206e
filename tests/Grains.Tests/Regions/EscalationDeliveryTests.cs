using MutualAid.Grains.Tests.Outages;

namespace MutualAid.Grains.Tests.Regions;

/// <summary>
/// A request owes its region's inbox (and the network's list) what it escalated or raised, and hands
/// it over at least once: a region whose store is down when the request writes gets it once the
/// store is back, even across a deactivation; the dispatcher's command succeeds once the request's
/// own write is kept. A region whose write fails keeps nothing of that change in memory.
/// Runs on its own cluster because it breaks the region's and network's store on purpose.
/// </summary>
public sealed class EscalationDeliveryTests : BrokenStoreTest
{
    [Fact]
    public async Task An_escalation_the_region_could_not_keep_reaches_its_inbox_once_the_store_is_back()
    {
        var domain = new Domain(Cluster.Client);
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var request = await domain.NewRequest(north);
        var grain = domain.RequestGrain(request.Id);
        await domain.WaitForBoard(north, b => b.Requests.Any(r => r.Id == request.Id));

        Store.FailingStates = new HashSet<string> { "region" };
        Store.FailWrites = true;
        var escalated = await grain.Escalate(new EscalateCommand(request.Version, Domain.Sam, region, "no drivers"));
        Store.FailWrites = false;
        // The request's activation goes (as after its silo died): only what its state owes is left.
        await Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.True(escalated.IsOk); // its own write is kept: the dispatcher is not told to retry
        Assert.Equal(RequestStatus.Escalated, (await grain.GetView())!.Status);
        var inbox = Cluster.Client.GetGrain<IRegionGrain>(region);
        await Wait.Until(async () => (await inbox.GetOverview())!.Escalations.Any(e => e.Request.Id == request.Id), "the region's inbox to get the escalation", 20);
    }

    [Fact]
    public async Task A_need_the_network_could_not_keep_reaches_its_list_once_the_store_is_back()
    {
        var domain = new Domain(Cluster.Client);
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var request = await domain.NewRequest(north, urgency: Urgency.Critical);
        var grain = domain.RequestGrain(request.Id);
        var escalated = (await grain.Escalate(new EscalateCommand(request.Version, Domain.Sam, region, "none free"))).Value!;

        Store.FailingStates = new HashSet<string> { "network" };
        Store.FailWrites = true;
        var raised = await grain.RaiseToNetwork(new RequestCommand(escalated.Version, Domain.Sam, "region has none"));
        Store.FailWrites = false;

        Assert.True(raised.IsOk);
        var network = Cluster.Client.GetGrain<INetworkGrain>(0);
        await Wait.Until(async () => (await network.GetRaisedNeeds()).Any(n => n.Need.Request.Id == request.Id), "the network to list the raised need", 20);
    }

    [Fact]
    public async Task A_region_whose_write_fails_keeps_no_phantom_escalation_in_memory()
    {
        var domain = new Domain(Cluster.Client);
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var lost = await domain.NewRequest(north);
        var kept = await domain.NewRequest(north);
        var inbox = Cluster.Client.GetGrain<IRegionGrain>(region);

        Store.FailingStates = new HashSet<string> { "region" };
        Store.FailWrites = true;
        await Assert.ThrowsAnyAsync<Exception>(() => inbox.ReceiveEscalation(new EscalatedRequest(lost.Redact(), north, "no drivers", DateTimeOffset.UtcNow)));
        Store.FailWrites = false;

        Assert.DoesNotContain((await inbox.GetOverview())!.Escalations, e => e.Request.Id == lost.Id);
        // Nor does the region's next write carry it into the store.
        await inbox.ReceiveEscalation(new EscalatedRequest(kept.Redact(), north, "no drivers", DateTimeOffset.UtcNow));
        await Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var escalations = (await inbox.GetOverview())!.Escalations;
        Assert.Contains(escalations, e => e.Request.Id == kept.Id);
        Assert.DoesNotContain(escalations, e => e.Request.Id == lost.Id);
    }
}
