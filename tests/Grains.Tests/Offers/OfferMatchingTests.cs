namespace MutualAid.Grains.Tests.Offers;

[Collection(FakeClockCollection.Name)]
public sealed class OfferMatchingTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private async Task<OfferView> Offer(string hub, string description, RequestCategory category, string? area = null, DateTimeOffset? until = null, decimal quantity = 10)
    {
        var result = await fixture.Grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(new NewOffer(hub, OfferKind.Goods, category, description, quantity, "boxes",
            new ContactDetails("Tom", "07700 900770", null, null), RequestSource.Member, Domain.Sam)
        { Area = area, AvailableUntil = until });
        Assert.True(result.IsOk, result.Message);
        return result.Value!;
    }

    [Fact]
    public async Task Offers_that_fit_a_request_are_suggested_nearest_first_and_using_one_draws_it_down()
    {
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub, area: "Mill Lane", category: RequestCategory.Food);
        var near = await Offer(hub, "Tins from the church", RequestCategory.Food, area: "mill  lane");
        var far = await Offer(hub, "Bread from the bakery", RequestCategory.Food, area: "High Street");
        await Offer(hub, "Paracetamol", RequestCategory.Medicine, area: "Mill Lane");
        var ending = await Offer(hub, "Soup tonight", RequestCategory.Food, until: fixture.Clock.GetUtcNow().AddHours(1));
        await domain.WaitForBoard(hub, b => b.Offers.Count == 4 && b.Requests.Any(r => r.Id == request.Id));

        var suggested = await domain.Hub(hub).SuggestOffers(request.Id, 5);
        Assert.Equal(near.Id, suggested[0].Candidate.Id); // same category and the same area (spelt differently)
        Assert.Equal(new[] { far.Id, ending.Id }.Order(), suggested.Skip(1).Select(s => s.Candidate.Id).Order()); // medicine never
        Assert.Contains("Same area (mill  lane)", suggested[0].Reasons.Select(r => r.ToString()));

        fixture.Clock.Advance(TimeSpan.FromHours(2)); // the soup is over
        Assert.DoesNotContain(ending.Id, (await domain.Hub(hub).SuggestOffers(request.Id, 5)).Select(s => s.Candidate.Id));

        var used = await fixture.Grains.GetGrain<IOfferGrain>(near.Id).DrawDown(3, request.Id, Domain.Ana);
        Assert.Equal(7, used.Value!.Remaining);
        await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == near.Id && o.Remaining == 7));
    }
}
