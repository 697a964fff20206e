namespace MutualAid.Web.Tests.Dispatch;

/// <summary>
/// "Use 1" from the dispatch dialog takes one unit at a time; an offer with less than one unit left
/// (1.5 tins, after one is taken) must still be usable to the end, or it stays open and suggested for good.
/// </summary>
public sealed class UseOfferTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_last_half_unit_of_an_offer_is_taken_and_the_offer_is_used_up()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var request = await Seed.Request(grains, hub, "07700 900631");
        var created = await grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Tins of beans", 1.5m, "tins",
            new ContactDetails("Tom", null, null, null), RequestSource.PhoneIntake, Seed.Sam));
        Assert.True(created.IsOk, created.Message);
        var offer = created.Value!;
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).SuggestOffers(request.Id, 5)).Any(s => s.Candidate.Id == offer.Id), "the offer suggested");
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));
        var dialog = context.Render<DispatchDialog>(p => p.Add(x => x.RequestId, request.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => Assert.Equal("Use 1 (tins)", dialog.Find("[data-testid=use-offer]").TextContent.Trim()), TimeSpan.FromSeconds(10));

        await dialog.Click("[data-testid=use-offer]");
        dialog.WaitForAssertion(() => Assert.Equal("Use the last 0.5 (tins)", dialog.Find("[data-testid=use-offer]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Contains("0.5 left", dialog.Find("[data-testid=dispatch-message]").TextContent, StringComparison.Ordinal);

        await dialog.Click("[data-testid=use-offer]");
        dialog.WaitForAssertion(() => Assert.Contains("the offer is used up", dialog.Find("[data-testid=dispatch-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var used = (await grains.GetGrain<IOfferGrain>(offer.Id).GetView())!;
        Assert.Equal((OfferStatus.Exhausted, 0m), (used.Status, used.Remaining));
        Assert.Equal([1m, 0.5m], used.DrawDowns.Select(d => d.Amount));
        Assert.Empty(dialog.FindAll("[data-testid=use-offer]"));
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).SuggestOffers(request.Id, 5)).All(s => s.Candidate.Id != offer.Id), "the offer no longer suggested");
    }
}
