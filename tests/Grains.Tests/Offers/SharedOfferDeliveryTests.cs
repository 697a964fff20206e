using MutualAid.Grains.Tests.Outages;

namespace MutualAid.Grains.Tests.Offers;

/// <summary>
/// A shared offer's change reaches its board first and its region at least once: a region whose
/// store is down neither keeps the board stale nor fails the change, and hears of it once the store
/// is back. Runs on its own cluster because it breaks the region's store on purpose.
/// </summary>
public sealed class SharedOfferDeliveryTests : BrokenStoreTest
{
    [Fact]
    public async Task A_draw_down_the_region_could_not_keep_reaches_the_board_and_later_the_region()
    {
        var domain = new Domain(Cluster.Client);
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var offer = await domain.NewOffer(north, 20);
        var grain = Cluster.Client.GetGrain<IOfferGrain>(offer.Id);
        var shared = (await grain.ShareWithRegion(new OfferCommand(offer.Version, Domain.Sam) { Hub = north })).Value!;
        await domain.WaitForBoard(north, b => b.Offers.Any(o => o.Id == offer.Id && o.Version == shared.Version));

        Store.FailingStates = new HashSet<string> { "region" };
        Store.FailWrites = true;
        var drawn = await grain.DrawDown(5, null, Domain.Sam);
        Store.FailWrites = false;

        Assert.True(drawn.IsOk); // the offer's own write is kept
        Assert.Equal(15, (await grain.GetView())!.Remaining);
        await domain.WaitForBoard(north, b => b.Offers.Any(o => o.Id == offer.Id && o.Remaining == 15), TimeSpan.FromSeconds(15));
        var inbox = Cluster.Client.GetGrain<IRegionGrain>(region);
        await Wait.Until(async () => (await inbox.GetOverview())!.SharedOffers.Any(o => o.Offer.Id == offer.Id && o.Offer.Remaining == 15), "the region to hear of the draw-down", 20);
    }
}
