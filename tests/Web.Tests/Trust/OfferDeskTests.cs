namespace MutualAid.Web.Tests.Trust;

/// <summary>
/// Offers run from the board through the web tier: only the hub's coordinators and dispatchers,
/// another hub's offer is not found, and every board showing the hub follows live.
/// </summary>
public sealed class OfferDeskTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    public static TheoryData<string> AllRoles() => ["admin", "regional", "coordinator", "dispatcher", "volunteer", "other-coordinator"];

    private static NewOffer Offer(string description) => new("ignored", OfferKind.Goods, RequestCategory.Food, description, 12, "tins",
        new ContactDetails("Tom", "07700 900555", null, null), RequestSource.PhoneIntake, Seed.Sam);

    private async Task<OfferView> Entered(string description)
    {
        var entered = await (await world.As<OfferDeskService>("coordinator")).Enter(world.A, Offer(description));
        Assert.True(entered.IsOk, entered.Message);
        return entered.Value!;
    }

    [Fact]
    public async Task An_offer_withdrawn_disappears_from_every_board_live()
    {
        await using var coordinator = await BoardClient.Join(world.Factory.BoardConnection(await world.Client("coordinator")), world.A);
        await using var volunteer = await BoardClient.Join(world.Factory.BoardConnection(await world.Client("volunteer")), world.A);
        var offer = await Entered("Tins of soup");
        await Wait.Until(() => coordinator.Board.Offers.Any(o => o.Id == offer.Id) && volunteer.Board.Offers.Any(o => o.Id == offer.Id), "both boards to show the offer");

        var withdrawn = await (await world.As<OfferDeskService>("dispatcher")).Withdraw(world.A, offer.Id, offer.Version, "Went to the food bank");

        Assert.True(withdrawn.IsOk, withdrawn.Message);
        await Wait.Until(() => coordinator.Board.Offers.All(o => o.Id != offer.Id) && volunteer.Board.Offers.All(o => o.Id != offer.Id),
            () => $"both boards to drop the offer (coordinator v{coordinator.Board.Version}, volunteer v{volunteer.Board.Version})");
        Assert.Equal(0, coordinator.Resyncs + volunteer.Resyncs); // followed by deltas, not by reloading
    }

    [Fact]
    public async Task A_paused_offer_shows_as_paused_on_every_board_and_leaves_the_gap_counts()
    {
        await using var dispatcher = await BoardClient.Join(world.Factory.BoardConnection(await world.Client("dispatcher")), world.A);
        var offer = await Entered("Nappies size 3");
        await Wait.Until(() => dispatcher.Board.Offers.Any(o => o.Id == offer.Id), "the board to show the offer");
        var before = dispatcher.Board.Counts.OpenOffersByCategory.GetValueOrDefault(RequestCategory.Food);

        var paused = await (await world.As<OfferDeskService>("coordinator")).Pause(world.A, offer.Id, offer.Version);

        Assert.True(paused.IsOk, paused.Message);
        await Wait.Until(() => dispatcher.Board.Offers.Any(o => o.Id == offer.Id && o.Status == OfferStatus.Paused), "the board to show it paused");
        Assert.Equal(before - 1, dispatcher.Board.Counts.OpenOffersByCategory.GetValueOrDefault(RequestCategory.Food));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Only_the_hubs_coordinators_and_dispatchers_run_its_offers(string role)
    {
        var offer = await Entered("Rice " + role);
        var desk = await world.As<OfferDeskService>(role);

        var entered = await desk.Enter(world.A, Offer("Pasta"));
        var edited = await desk.Edit(world.A, offer.Id, new OfferChanges { Description = "Taken over" }, offer.Version);
        var opened = await desk.Open(world.A, offer.Id);

        if (role is "coordinator" or "dispatcher")
        {
            Assert.True(entered.IsOk && edited.IsOk, entered.Message ?? edited.Message);
            Assert.Equal((world.A, "Pasta"), (entered.Value!.HubSlug, entered.Value.Description));
            Assert.Equal("Tom", opened!.View.Contact.Name);
            Assert.Equal(["recorded this offer (PhoneIntake)", "changed description"], opened.Audit.Select(a => a.Action));
        }
        else
        {
            Assert.Equal((ResultStatus.Refused, Reason.CannotManageOffers), (entered.Status, entered.Reason));
            Assert.Equal((ResultStatus.Refused, Reason.CannotManageOffers), (edited.Status, edited.Reason));
            Assert.Null(opened);
            Assert.Equal(("Rice " + role, offer.Version), ((await Grain(offer.Id).GetView())!.Description, (await Grain(offer.Id).GetView())!.Version));
        }
    }

    [Fact]
    public async Task Another_hubs_coordinator_finds_no_such_offer_and_learns_nothing()
    {
        var offer = await Entered("Blankets");
        var other = await world.As<OfferDeskService>("other-coordinator");

        var withdraw = await other.Withdraw(world.C, offer.Id, offer.Version, "Mine now");
        var pause = await other.Pause(world.C, offer.Id, offer.Version + 5);
        var edit = await other.Edit(world.C, offer.Id, new OfferChanges { Quantity = 1 }, offer.Version);

        Assert.All([withdraw, pause, edit], r => Assert.Equal((ResultStatus.NotFound, Reason.NoSuchOffer, (Conflict?)null), (r.Status, r.Reason, r.Conflict)));
        Assert.Null(await other.Open(world.C, offer.Id));
        Assert.Equal((OfferStatus.Open, offer.Version), ((await Grain(offer.Id).GetView())!.Status, (await Grain(offer.Id).GetView())!.Version));
    }

    private IOfferGrain Grain(Guid id) => world.Factory.Grains.GetGrain<IOfferGrain>(id);
}
