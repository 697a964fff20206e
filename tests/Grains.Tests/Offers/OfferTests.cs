namespace MutualAid.Grains.Tests.Offers;

[Collection(ClusterCollection.Name)]
public sealed class OfferTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task An_offer_is_drawn_down_and_closed_when_exhausted()
    {
        var hub = await domain.NewHub();
        var offer = await domain.NewOffer(hub, quantity: 20);
        var grain = fixture.Grains.GetGrain<IOfferGrain>(offer.Id);
        await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Id) && b.Counts.OpenOffersByCategory[RequestCategory.Food] == 1);

        var afterFirst = await grain.DrawDown(15, Guid.NewGuid(), Domain.Sam);
        Assert.Equal(5, afterFirst.Value!.Remaining);
        Assert.Equal(OfferStatus.Open, afterFirst.Value.Status);

        var tooMuch = await grain.DrawDown(6, null, Domain.Sam);
        Assert.Equal(ResultStatus.Refused, tooMuch.Status);
        Assert.Equal(Reason.OnlyLeft, tooMuch.Reason);
        Assert.Equal("Only 5 kg left of this offer.", tooMuch.Message);

        var last = await grain.DrawDown(5, null, Domain.Sam);
        Assert.Equal(OfferStatus.Exhausted, last.Value!.Status);
        Assert.Equal(2, last.Value.DrawDowns.Count);
        Assert.Equal(ResultStatus.Refused, (await grain.DrawDown(1, null, Domain.Sam)).Status);

        var board = await domain.WaitForBoard(hub, b => b.Offers.All(o => o.Id != offer.Id));
        Assert.False(board.Counts.OpenOffersByCategory.ContainsKey(RequestCategory.Food));
    }

    [Fact]
    public async Task Invalid_offers_are_refused_with_field_errors()
    {
        var hub = await domain.NewHub();
        var bad = new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "", 0, "kg",
            new ContactDetails("Tom", null, null, null), RequestSource.Member, Domain.Sam);
        var result = await fixture.Grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(bad);
        Assert.Equal(["Description", "Quantity"], result.Errors.Select(e => e.Field));
    }
}
