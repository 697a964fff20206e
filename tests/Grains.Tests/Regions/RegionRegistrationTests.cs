using MutualAid.Grains.Tests.Outages;

namespace MutualAid.Grains.Tests.Regions;

/// <summary>
/// A hub's place in its region, and a region's in the network's directory, are told after the
/// teller's own write: a receiver whose store is down never fails the coordinator's change, and
/// hears it once its store is back. Runs on its own cluster because it breaks those stores on purpose.
/// </summary>
public sealed class RegionRegistrationTests : BrokenStoreTest
{
    [Fact]
    public async Task A_hub_configured_while_its_regions_store_is_down_is_kept_and_joins_the_region_once_it_is_back()
    {
        var domain = new Domain(Cluster.Client);
        var region = await domain.NewRegion();

        Store.FailingStates = new HashSet<string> { "region" };
        Store.FailWrites = true;
        var slug = Domain.NewSlug();
        var configured = await Cluster.Client.GetGrain<IHubGrain>(slug).Configure(new HubSettings("Riverside", region), Domain.Sam);
        Store.FailWrites = false;

        Assert.True(configured.IsOk, configured.Message);
        Assert.True(Store.FailedWrites > 0);
        var regionGrain = Cluster.Client.GetGrain<IRegionGrain>(region);
        await Wait.Until(async () => (await regionGrain.GetOverview())!.Hubs.Any(h => h.Slug == slug), "the region to list the hub", 20);
    }

    [Fact]
    public async Task A_hub_a_region_registered_while_the_networks_store_was_down_reaches_the_directory_once_it_is_back()
    {
        var domain = new Domain(Cluster.Client);
        var region = await domain.NewRegion();

        Store.FailingStates = new HashSet<string> { "network" };
        Store.FailWrites = true;
        var hub = await domain.NewHub(region); // the region keeps it; telling the network fails
        Store.FailWrites = false;

        Assert.True(Store.FailedWrites > 0);
        Assert.Contains((await Cluster.Client.GetGrain<IRegionGrain>(region).GetOverview())!.Hubs, h => h.Slug == hub);
        var network = Cluster.Client.GetGrain<INetworkGrain>(0);
        await Wait.Until(async () => (await network.GetRegions()).Any(r => r.Slug == region && r.HubSlugs.Contains(hub)), "the directory to list the hub in its region", 20);
    }
}
