using MutualAid.Common;

namespace MutualAid.Grains.Tests.Areas;

[Collection(ClusterCollection.Name)]
public sealed class NamedAreaTests(ClusterFixture fixture)
{
    private static readonly NamedArea Riverside = new("Riverside", new GeoPoint(51.5123, -0.0912));
    private static readonly NamedArea OldTown = new("Old Town", new GeoPoint(51.5301, -0.1204));

    private readonly Domain domain = new(fixture.Grains);

    private async Task<string> HubWithAreas(string? region = null)
    {
        var hub = await domain.NewHub(region);
        var grain = fixture.Grains.GetGrain<IHubGrain>(hub);
        var settings = (await grain.GetSettings())!;
        var saved = await grain.Configure(settings with { Areas = [Riverside with { Name = "  Riverside " }, OldTown] }, Domain.Sam);
        Assert.True(saved.IsOk, saved.Message);
        return hub;
    }

    [Fact]
    public async Task A_hubs_areas_are_kept_trimmed_and_reach_its_summary_and_its_region()
    {
        var region = await domain.NewRegion();
        var hub = await HubWithAreas(region);

        Assert.Equal([Riverside, OldTown], (await fixture.Grains.GetGrain<IHubGrain>(hub).GetSettings())!.Areas);
        Assert.Equal([Riverside, OldTown], (await fixture.Grains.GetGrain<IHubGrain>(hub).GetSummary())!.Areas);
        var overview = (await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())!;
        Assert.Equal([Riverside, OldTown], overview.Hubs.Single(h => h.Slug == hub).Areas);
    }

    [Fact]
    public async Task Area_lists_with_blank_or_repeated_names_bad_points_or_too_many_areas_are_refused()
    {
        var hub = await domain.NewHub();
        var grain = fixture.Grains.GetGrain<IHubGrain>(hub);
        var settings = (await grain.GetSettings())!;

        var bad = await grain.Configure(settings with
        {
            Areas = [Riverside, OldTown with { Name = "RIVERSIDE" }, new(" ", OldTown.Point), new("Up north", new GeoPoint(91, 0)), new(new string('x', 101), OldTown.Point)],
        }, Domain.Sam);
        Assert.Equal(ResultStatus.Invalid, bad.Status);
        Assert.Equal(
            [("Areas[1].Name", Reason.AreaListedTwice), ("Areas[2].Name", Reason.GiveAreaName), ("Areas[3].Point", Reason.CoordinatesOutOfRange), ("Areas[4].Name", Reason.TooLong)],
            bad.Errors.Select(e => (e.Field, e.Reason)));

        var tooMany = await grain.Configure(settings with
        {
            Areas = [.. Enumerable.Range(0, NamedArea.MaxPerHub + 1).Select(i => new NamedArea($"Area {i}", Riverside.Point))],
        }, Domain.Sam);
        Assert.Equal([("Areas", Reason.TooManyAreas)], tooMany.Errors.Select(e => (e.Field, e.Reason)));
        Assert.Empty((await grain.GetSettings())!.Areas);
    }

    [Fact]
    public async Task A_request_and_an_offer_naming_an_area_get_its_point_and_its_spelling()
    {
        var hub = await HubWithAreas();
        var request = await fixture.Grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(Domain.Request(hub, area: " old TOWN ") with { Location = null });
        Assert.True(request.IsOk, request.Message);
        Assert.Equal("Old Town", request.Value!.Area);
        Assert.Equal(OldTown.Point, request.Value.Location);
        Assert.Equal(OldTown.Point.Approximate(), request.Value.Redact().ApproximateLocation);

        var offer = await fixture.Grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(Offer(hub, "riverside"));
        Assert.True(offer.IsOk, offer.Message);
        Assert.Equal("Riverside", offer.Value!.Area);
        Assert.Equal(Riverside.Point, offer.Value.Location);
        Assert.Equal(Riverside.Point.Approximate(), offer.Value.Redact().ApproximateLocation);

        var board = await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Value.Id) && b.Requests.Any(r => r.Id == request.Value.Id));
        Assert.Equal(Riverside.Point.Approximate(), board.Offers.Single(o => o.Id == offer.Value.Id).ApproximateLocation);
        Assert.Equal(1, board.Counts.OpenNeedsByArea["Old Town"]);
        Assert.Equal(1, board.Counts.OpenOffersByArea["Riverside"]);
    }

    [Fact]
    public async Task A_paused_offer_leaves_the_gap_by_area_as_it_leaves_the_gap_by_category()
    {
        var hub = await HubWithAreas();
        var offer = (await fixture.Grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(Offer(hub, "Riverside"))).Value!;
        await domain.WaitForBoard(hub, b => b.Counts.OpenOffersByArea.GetValueOrDefault("Riverside") == 1);

        var paused = await fixture.Grains.GetGrain<IOfferGrain>(offer.Id).Pause(new OfferCommand(offer.Version, Domain.Ana));
        Assert.True(paused.IsOk, paused.Message);

        var board = await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Id && o.Status == OfferStatus.Paused));
        Assert.False(board.Counts.OpenOffersByCategory.ContainsKey(offer.Category));
        Assert.False(board.Counts.OpenOffersByArea.ContainsKey("Riverside"));
    }

    [Fact]
    public async Task An_offer_whose_time_to_give_ends_leaves_both_gap_views_on_a_watching_board_with_nothing_else_changing()
    {
        var hub = await HubWithAreas();
        var (observer, reference, _) = await Board.TestBoardObserver.Subscribe(fixture.Grains, hub);
        try
        {
            var until = DateTimeOffset.UtcNow.AddSeconds(3);
            var offer = (await fixture.Grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(Offer(hub, "Riverside") with { AvailableUntil = until })).Value!;
            var counted = await Delta(observer, d => d.Changes.OfType<OfferUpserted>().Any(c => c.Offer.Id == offer.Id), "the offer reaches the board");
            Assert.Equal(1, counted.Counts.OpenOffersByCategory[offer.Category]);
            Assert.Equal(1, counted.Counts.OpenOffersByArea["Riverside"]);

            // No other change reaches the board: the hub itself says the counts moved when the time ends.
            var after = await Delta(observer, d => d.Version > counted.Version && !d.Counts.OpenOffersByCategory.ContainsKey(offer.Category), "the board is told the offer's time to give ended");
            Assert.True(DateTimeOffset.UtcNow >= until);
            Assert.False(after.Counts.OpenOffersByArea.ContainsKey("Riverside"));
            Assert.Contains((await fixture.Grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Offers, o => o.Id == offer.Id); // still on the board, as it is still open
        }
        finally
        {
            await fixture.Grains.GetGrain<IHubGrain>(hub).Unsubscribe(reference);
        }
    }

    [Fact]
    public async Task An_unknown_area_name_is_kept_as_typed_with_no_point_and_counts_as_elsewhere()
    {
        var hub = await HubWithAreas();
        var request = await fixture.Grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(Domain.Request(hub, area: "Behind the station") with { Location = null });
        Assert.Equal("Behind the station", request.Value!.Area);
        Assert.Null(request.Value.Location);

        var offer = await fixture.Grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(Offer(hub, "Hilltop"));
        Assert.Equal("Hilltop", offer.Value!.Area);
        Assert.Null(offer.Value.Location);
        Assert.Null(offer.Value.Redact().ApproximateLocation);

        var board = await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Value.Id) && b.Requests.Any(r => r.Id == request.Value.Id));
        Assert.Equal(1, board.Counts.OpenNeedsByArea[""]);
        Assert.Equal(1, board.Counts.OpenOffersByArea[""]);
    }

    [Fact]
    public async Task A_position_given_by_intake_is_kept_even_in_a_named_area()
    {
        var hub = await HubWithAreas();
        var exact = new GeoPoint(51.51311, -0.09055);
        var request = await fixture.Grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(Domain.Request(hub, area: "Riverside") with { Location = exact });
        Assert.Equal(exact, request.Value!.Location);
    }

    [Fact]
    public async Task A_hub_without_areas_counts_nothing_by_area()
    {
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub, area: "Riverside");
        var board = await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id));
        Assert.Empty(board.Counts.OpenNeedsByArea);
    }

    private static async Task<BoardDelta> Delta(Board.TestBoardObserver observer, Func<BoardDelta, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (observer.Deltas.LastOrDefault(condition) is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }

    private static NewOffer Offer(string hub, string area) =>
        new(hub, OfferKind.Goods, RequestCategory.Food, "Rice", 5, "kg", new ContactDetails("Tom Baker", "07700 900999", null, null), RequestSource.PublicForm, Domain.Sam)
        { Area = area };
}
