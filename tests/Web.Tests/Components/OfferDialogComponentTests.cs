using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace MutualAid.Web.Tests.Components;

public sealed class OfferDialogComponentTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_new_offer_shows_a_refused_field_under_it_then_goes_on_the_board()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Dispatcher, hub));

        var dialog = context.Render<OfferDialog>(p => p.Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=offer-save]"), TimeSpan.FromSeconds(10));
        await dialog.Change("input[data-testid=offer-unit]", "loaves");
        await dialog.Change("input[data-testid=offer-giver-name]", "Tom");
        await dialog.Click("[data-testid=offer-save]");
        dialog.WaitForAssertion(() => Assert.Contains("Say what is offered", dialog.Find("[data-testid=field-error-Description]").TextContent, StringComparison.Ordinal));

        await dialog.Change("textarea[data-testid=offer-description-input]", "Bread from the bakery");
        await dialog.Change("[data-testid=offer-category]", nameof(RequestCategory.Groceries));
        await dialog.Click("[data-testid=offer-save]");

        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot()).Offers
            .Any(o => o.Description == "Bread from the bakery" && o.Category == RequestCategory.Groceries && o.Unit == "loaves"), "the offer on the board");
    }

    [Fact]
    public async Task A_stale_edit_says_who_changed_the_offer_and_pause_shows_it_paused()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var created = await grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Rice", 20, "kg",
            new ContactDetails("Tom", null, null, null), RequestSource.PhoneIntake, Seed.Sam));
        var offer = created.Value!;
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        var dialog = context.Render<OfferDialog>(p => p.Add(x => x.HubSlug, hub).Add(x => x.OfferId, offer.Id));
        dialog.WaitForAssertion(() => Assert.Contains("Rice", dialog.Find("textarea[data-testid=offer-description-input]").OuterHtml), TimeSpan.FromSeconds(10));
        var elsewhere = await grains.GetGrain<IOfferGrain>(offer.Id).Edit(new EditOffer(offer.Version, new Actor("ana", "Ana"), new() { Quantity = 15 }));
        Assert.True(elsewhere.IsOk, elsewhere.Message);
        await dialog.Change("textarea[data-testid=offer-description-input]", "Brown rice");
        await dialog.Click("[data-testid=offer-save]");

        dialog.WaitForAssertion(() => Assert.Contains("Ana", dialog.Find("[data-testid=offer-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        // What is now shown is the offer, not a request.
        Assert.Contains("The offer below is now up to date", dialog.Find("[data-testid=offer-message]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Rice", (await grains.GetGrain<IOfferGrain>(offer.Id).GetView())!.Description);

        await dialog.Click("[data-testid=offer-pause]");
        dialog.WaitForAssertion(() => Assert.Equal("Paused", dialog.Find("[data-testid=offer-status]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(dialog.FindAll("[data-testid=offer-resume]"));
    }

    [Fact]
    public async Task A_withdrawn_offer_is_not_badged_as_one_that_can_give()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var offer = (await grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Rice", 20, "kg",
            new ContactDetails("Tom", null, null, null), RequestSource.PhoneIntake, Seed.Sam))).Value!;
        Assert.True((await grains.GetGrain<IOfferGrain>(offer.Id).Withdraw(new OfferCommand(offer.Version, Seed.Sam, "Moved away"))).IsOk);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        var dialog = context.Render<OfferDialog>(p => p.Add(x => x.HubSlug, hub).Add(x => x.OfferId, offer.Id));

        dialog.WaitForAssertion(() => Assert.Equal("Withdrawn", dialog.Find("[data-testid=offer-status]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("rz-badge-success", dialog.Find("[data-testid=offer-status]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_from_the_public_form_has_its_history_in_the_readers_language()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        // As the public form records it: the app's own actor, stored with its English name.
        var created = await grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Arroz", 20, "kg",
            new ContactDetails("Tom", null, null, null), RequestSource.PublicForm, new Actor("public-form", "Public form")));
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        await Localization.Localized.In("es-ES", () =>
        {
            var dialog = context.Render<OfferDialog>(p => p.Add(x => x.HubSlug, hub).Add(x => x.OfferId, created.Value!.Id));
            dialog.WaitForAssertion(() => Assert.Contains("registró esta oferta", dialog.Find("[data-testid=offer-history]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

            var history = dialog.Find("[data-testid=offer-history]").TextContent;
            Assert.Contains("Formulario público registró esta oferta", history, StringComparison.Ordinal);
            Assert.DoesNotContain("Public form", history, StringComparison.Ordinal);
            return Task.CompletedTask;
        });
    }
}
