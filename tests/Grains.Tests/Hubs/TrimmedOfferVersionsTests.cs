using MutualAid.Offers;

namespace MutualAid.Grains.Tests.Hubs;

/// <summary>
/// A hub trims the versions of offers no longer on its board beyond the newest
/// <see cref="HubGrain.KeptClosedOffers"/>, so its write does not grow with every offer it has
/// seen; what the board shows and what it ignores stay as they were.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TrimmedOfferVersionsTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task The_stored_offer_versions_stay_bounded_and_a_late_notice_for_a_trimmed_offer_stays_off_the_board()
    {
        var hub = await domain.NewHub();
        var board = domain.Hub(hub);
        var closed = HubGrain.KeptClosedOffers + 20;
        var offers = Enumerable.Range(0, closed).Select(_ => Offer(hub)).ToArray();
        async Task Close(OfferSummary open)
        {
            await board.OfferChanged(open);
            await board.OfferChanged(open with { Version = 2, Status = OfferStatus.Withdrawn });
        }

        // The first closes before all the others, so it is among the first trimmed.
        await Close(offers[0]);
        for (var batch = 1; batch < closed; batch += 50) await Task.WhenAll(offers.Skip(batch).Take(50).Select(Close));
        var live = Offer(hub);
        await board.OfferChanged(live);

        var stored = await Stored(hub);
        Assert.Equal(HubGrain.KeptClosedOffers + 1, stored.OfferVersions.Count);
        Assert.DoesNotContain(offers[0].Id, stored.OfferVersions.Keys);
        Assert.Contains(offers[^1].Id, stored.OfferVersions.Keys);

        // The trimmed offer's closing announced again (as its grain does when it next activates) shows nothing.
        await board.OfferChanged(offers[0] with { Version = 2, Status = OfferStatus.Withdrawn });
        // A kept one's out-of-order earlier notice is still recognised as stale.
        await board.OfferChanged(offers[^1]);
        Assert.Equal([live.Id], (await board.GetSnapshot()).Offers.Select(o => o.Id));
    }

    private static OfferSummary Offer(string hub) =>
        new(Guid.NewGuid(), 1, hub, OfferKind.Goods, RequestCategory.Food, "Rice", 20, 20, "kg", OfferStatus.Open, DateTimeOffset.UtcNow);

    /// <summary>The board as stored (the whole board with its log applied), as the next activation reads it.</summary>
    private async Task<HubState> Stored(string hub)
    {
        var id = domain.Hub(hub).GetGrainId();
        var whole = (await fixture.Cluster.Stored<HubState>("hub", id)).State!;
        var log = (await fixture.Cluster.Stored<HubBoardLog>("hub-log", id)).State ?? new HubBoardLog();
        BoardRows.Replay(whole, log);
        return whole;
    }
}
