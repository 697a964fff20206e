namespace MutualAid.Web.Tests.Components;

public sealed class OffersPanelComponentTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task An_offer_shows_the_reference_its_giver_was_given_so_a_call_quoting_it_can_be_found()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var id = Guid.NewGuid();
        var created = await grains.GetGrain<IOfferGrain>(id).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Rice", 20, "kg",
            new ContactDetails("Tom", null, null, null), RequestSource.PublicForm, Seed.Sam));
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        var panel = context.Render<OffersPanel>(p => p.Add(x => x.HubSlug, hub).Add(x => x.Offers, [created.Value!.Redact()]));

        // The code the public form's thank-you page gave (derived from the offer's id, as a request's is).
        panel.WaitForAssertion(() => Assert.Equal(MutualAid.Silo.Requests.ReferenceCode.For(id), panel.Find("[data-testid=offer-reference]").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_expiry_is_shown_in_the_hubs_time_as_the_offer_dialog_sets_it()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await Seed.InZone(grains, hub, "Asia/Tokyo");
        var expires = new DateTimeOffset(DateTime.UtcNow.Year + 1, 6, 1, 9, 0, 0, TimeSpan.FromHours(9)); // 09:00 in Tokyo, 00:00 UTC
        var created = await grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Rice", 20, "kg",
            new ContactDetails("Tom", null, null, null), RequestSource.PhoneIntake, Seed.Sam)
        { ExpiresAt = expires });
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        var panel = context.Render<OffersPanel>(p => p.Add(x => x.HubSlug, hub).Add(x => x.Offers, [created.Value!.Redact()]));

        panel.WaitForAssertion(() => Assert.Equal($"Expires {expires.DateTime:g}", panel.Find("[data-testid=offer-expires]").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }
}
