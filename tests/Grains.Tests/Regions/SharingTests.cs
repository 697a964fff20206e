namespace MutualAid.Grains.Tests.Regions;

/// <summary>Regions that share more than overflow: surplus offers move between hubs, critical needs go to the whole network.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SharingTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_surplus_offer_taken_by_another_hub_leaves_one_board_appears_live_on_the_other_and_the_gap_counts_follow()
    {
        var (region, north, south) = await domain.NewRegionWithTwoHubs();
        var observer = new TestBoardObserver();
        var reference = fixture.Grains.CreateObjectReference<IBoardObserver>(observer);
        observer.Start((await domain.Hub(south).Subscribe(reference)).Version);
        var offer = await domain.NewOffer(north, 20, RequestCategory.Groceries);
        var grain = fixture.Grains.GetGrain<IOfferGrain>(offer.Id);

        var shared = await grain.ShareWithRegion(new OfferCommand(offer.Version, Domain.Sam) { Hub = north });
        Assert.True(shared.IsOk, shared.Message);
        Assert.Equal(region, shared.Value!.SharedWithRegion);
        var inbox = Assert.Single((await domain.WaitForRegion(region, o => o.SharedOffers.Count == 1)).SharedOffers);
        Assert.Equal((offer.Id, north), (inbox.Offer.Id, inbox.FromHub));
        await domain.WaitForRegion(region, o => Offers(o, north) == 1 && Offers(o, south) == 0);

        var moved = await grain.MoveTo(new MoveOffer(shared.Value.Version, Domain.Ana, south));

        Assert.True(moved.IsOk, moved.Message);
        Assert.Equal(south, moved.Value!.HubSlug);
        Assert.Null(moved.Value.SharedWithRegion);
        await domain.WaitForBoard(north, b => b.Offers.All(o => o.Id != offer.Id) && !b.Counts.OpenOffersByCategory.ContainsKey(RequestCategory.Groceries));
        await domain.WaitForBoard(south, b => b.Offers.Any(o => o.Id == offer.Id && o.HubSlug == south));
        await Wait.Until(() => observer.Deltas.Any(d => d.Changes.OfType<OfferUpserted>().Any(u => u.Offer.Id == offer.Id)), "the south board's observer to be told");
        var overview = await domain.WaitForRegion(region, o => o.SharedOffers.Count == 0 && Offers(o, north) == 0 && Offers(o, south) == 1);
        Assert.Empty(overview.SharedOffers);
        Assert.Contains(await grain.GetAudit(), a => a.Said.Key == "DidMoveOffer" && a.Actor == Domain.Ana);
        await domain.Hub(south).Unsubscribe(reference);
    }

    [Fact]
    public async Task An_offer_is_taken_only_into_a_hub_of_the_region_it_was_shared_with_and_only_once_shared()
    {
        var (_, north, south) = await domain.NewRegionWithTwoHubs();
        var elsewhere = await domain.NewHub(Domain.NewSlug("region"));
        var offer = await domain.NewOffer(north);
        var grain = fixture.Grains.GetGrain<IOfferGrain>(offer.Id);

        Assert.Equal(Reason.OfferNotShared, (await grain.MoveTo(new MoveOffer(offer.Version, Domain.Ana, south))).Reason);
        var shared = (await grain.ShareWithRegion(new OfferCommand(offer.Version, Domain.Sam) { Hub = north })).Value!;
        Assert.Equal(Reason.OfferAlreadyShared, (await grain.ShareWithRegion(new OfferCommand(shared.Version, Domain.Sam) { Hub = north })).Reason);
        var refused = await grain.MoveTo(new MoveOffer(shared.Version, Domain.Ana, elsewhere));

        Assert.Equal(Reason.OfferOutsideRegion, refused.Reason);
        Assert.Equal(north, (await grain.GetView())!.HubSlug);
    }

    [Fact]
    public async Task A_shared_offer_used_up_leaves_the_regions_inbox()
    {
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var offer = await domain.NewOffer(north, 5);
        var grain = fixture.Grains.GetGrain<IOfferGrain>(offer.Id);
        Assert.True((await grain.ShareWithRegion(new OfferCommand(offer.Version, Domain.Sam) { Hub = north })).IsOk);
        await domain.WaitForRegion(region, o => o.SharedOffers.Count == 1);

        Assert.True((await grain.DrawDown(5, null, Domain.Sam)).IsOk);

        Assert.Empty((await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())!.SharedOffers);
    }

    [Fact]
    public async Task A_critical_need_raised_to_the_network_is_taken_by_a_hub_of_another_region()
    {
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var other = Domain.NewSlug("region");
        var far = await domain.NewHub(other);
        var request = await domain.NewRequest(north, urgency: Urgency.Critical);
        var grain = domain.RequestGrain(request.Id);
        var escalated = (await grain.Escalate(new EscalateCommand(request.Version, Domain.Sam, region, "no drivers tonight"))).Value!;
        // Not raised, a need stays in its region: a hub elsewhere cannot have it.
        var kept = await domain.NewRequest(north, urgency: Urgency.Critical);
        Assert.Equal(Reason.OutsideRegion, (await domain.RequestGrain(kept.Id).TransferTo(new TransferCommand(kept.Version, Domain.Ana, far))).Reason);

        var raised = await grain.RaiseToNetwork(new RequestCommand(escalated.Version, Domain.Sam, "every hub here is out of drivers"));

        Assert.True(raised.IsOk, raised.Message);
        Assert.True(raised.Value!.RaisedToNetwork);
        var listed = Assert.Single(await fixture.Grains.GetGrain<INetworkGrain>(0).GetRaisedNeeds(), r => r.Need.Request.Id == request.Id);
        Assert.Equal((region, north), (listed.FromRegion, listed.Need.FromHub));

        // A hub of another region takes it as an escalation is taken: reopened, then moved.
        var reopened = (await grain.Reopen(new RequestCommand(raised.Value.Version, Domain.Ana, "taken by " + far))).Value!;
        var moved = await grain.TransferTo(new TransferCommand(reopened.Version, Domain.Ana, far));

        Assert.True(moved.IsOk, moved.Message);
        Assert.Equal((far, false), (moved.Value!.HubSlug, moved.Value.RaisedToNetwork));
        Assert.DoesNotContain(await fixture.Grains.GetGrain<INetworkGrain>(0).GetRaisedNeeds(), r => r.Need.Request.Id == request.Id);
        Assert.DoesNotContain((await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())!.Escalations, e => e.Request.Id == request.Id);
        await domain.WaitForBoard(far, b => b.Requests.Any(r => r.Id == request.Id));
        await domain.WaitForBoard(north, b => b.Requests.All(r => r.Id != request.Id));
    }

    [Fact]
    public async Task Only_a_critical_need_with_the_region_is_raised()
    {
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var normal = await domain.NewRequest(north);
        var onBoard = await domain.NewRequest(north, urgency: Urgency.Critical);
        var escalated = (await domain.RequestGrain(normal.Id).Escalate(new EscalateCommand(normal.Version, Domain.Sam, region, "none free"))).Value!;

        Assert.Equal(Reason.OnlyCriticalRaised, (await domain.RequestGrain(normal.Id).RaiseToNetwork(new RequestCommand(escalated.Version, Domain.Sam, "why"))).Reason);
        Assert.Equal(Reason.NotWithRegion, (await domain.RequestGrain(onBoard.Id).RaiseToNetwork(new RequestCommand(onBoard.Version, Domain.Sam, "why"))).Reason);
    }

    private static int Offers(RegionOverview overview, string hub) =>
        overview.Hubs.Single(h => h.Slug == hub).Counts.OpenOffersByCategory.Values.Sum();
}
