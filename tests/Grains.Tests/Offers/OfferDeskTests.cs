namespace MutualAid.Grains.Tests.Offers;

/// <summary>A hub's coordinators run offers from the board: edit, pause, resume, withdraw, each on the version they saw.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OfferDeskTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private IOfferGrain Grain(Guid id) => fixture.Grains.GetGrain<IOfferGrain>(id);

    [Fact]
    public async Task A_stale_edit_is_refused_naming_who_changed_what()
    {
        var hub = await domain.NewHub();
        var offer = await domain.NewOffer(hub);

        var first = await Grain(offer.Id).Edit(new EditOffer(offer.Version, Domain.Ana, new() { Description = "Brown rice", Unit = "bags" }));
        var stale = await Grain(offer.Id).Edit(new EditOffer(offer.Version, Domain.Sam, new() { Quantity = 5 }));

        Assert.True(first.IsOk, first.Message);
        Assert.Equal(("Brown rice", "bags", offer.Version + 1), (first.Value!.Description, first.Value.Unit, first.Value.Version));
        Assert.Equal((ResultStatus.Conflict, Reason.Stale), (stale.Status, stale.Reason));
        Assert.Equal(("Ana", "changed description, unit"), (stale.Conflict!.ChangedBy.DisplayName, stale.Conflict.Change));
        Assert.Equal(20, (await Grain(offer.Id).GetView())!.Quantity);
        Assert.Equal(["recorded this offer (Member)", "changed description, unit"], (await Grain(offer.Id).GetAudit()).Select(a => a.Action));
        await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Id && o.Description == "Brown rice"));
    }

    [Fact]
    public async Task An_edit_is_checked_like_a_new_offer_and_a_quantity_moves_what_is_left()
    {
        var hub = await domain.NewHub();
        var offer = await domain.NewOffer(hub, quantity: 20);
        Assert.True((await Grain(offer.Id).DrawDown(5, null, Domain.Sam)).IsOk);

        var invalid = await Grain(offer.Id).Edit(new EditOffer(offer.Version + 1, Domain.Ana, new() { Description = " ", Remaining = 40 }));
        var nothing = await Grain(offer.Id).Edit(new EditOffer(offer.Version + 1, Domain.Ana, new() { Unit = "kg" }));
        var grown = await Grain(offer.Id).Edit(new EditOffer(offer.Version + 1, Domain.Ana, new() { Quantity = 30 }));

        Assert.Equal([(nameof(OfferChanges.Description), Reason.SayWhatIsOffered), (nameof(OfferChanges.Remaining), Reason.LeftOutOfRange)],
            invalid.Errors.Select(e => (e.Field, e.Reason)));
        Assert.Equal(Reason.NothingToChange, nothing.Reason);
        Assert.Equal((30m, 25m), (grown.Value!.Quantity, grown.Value.Remaining));
    }

    [Fact]
    public async Task A_paused_offer_stays_on_the_board_but_is_not_suggested_drawn_down_or_counted_until_resumed()
    {
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub, category: RequestCategory.Food);
        var offer = await domain.NewOffer(hub, category: RequestCategory.Food);
        await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Id) && b.Requests.Any(r => r.Id == request.Id));
        Assert.Single(await domain.Hub(hub).SuggestOffers(request.Id, 5));

        var paused = await Grain(offer.Id).Pause(new OfferCommand(offer.Version, Domain.Ana, "Fridge broken"));
        Assert.True(paused.IsOk, paused.Message);
        var board = await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Id && o.Status == OfferStatus.Paused));
        Assert.False(board.Counts.OpenOffersByCategory.ContainsKey(RequestCategory.Food));
        Assert.Empty(await domain.Hub(hub).SuggestOffers(request.Id, 5));
        Assert.Equal(Reason.OfferPaused, (await Grain(offer.Id).DrawDown(1, request.Id, Domain.Sam)).Reason);
        Assert.Equal(Reason.OfferAlreadyPaused, (await Grain(offer.Id).Pause(new OfferCommand(paused.Value!.Version, Domain.Ana))).Reason);

        var resumed = await Grain(offer.Id).Unpause(new OfferCommand(paused.Value.Version, Domain.Sam));
        Assert.True(resumed.IsOk, resumed.Message);
        board = await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Id && o.Status == OfferStatus.Open));
        Assert.Equal(1, board.Counts.OpenOffersByCategory[RequestCategory.Food]);
        Assert.Single(await domain.Hub(hub).SuggestOffers(request.Id, 5));
        Assert.Equal(Reason.OfferNotPaused, (await Grain(offer.Id).Unpause(new OfferCommand(resumed.Value!.Version, Domain.Sam))).Reason);
        var audit = await Grain(offer.Id).GetAudit();
        Assert.Equal(("paused this offer", "Fridge broken"), (audit[1].Action, audit[1].Reason));
        Assert.Equal("resumed this offer", audit[2].Action);
    }

    [Fact]
    public async Task A_withdrawn_offer_leaves_the_board_and_takes_no_more_commands()
    {
        var hub = await domain.NewHub();
        var offer = await domain.NewOffer(hub);
        await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Id));

        var noReason = await Grain(offer.Id).Withdraw(new OfferCommand(offer.Version, Domain.Ana, " "));
        var withdrawn = await Grain(offer.Id).Withdraw(new OfferCommand(offer.Version, Domain.Ana, "Gave it elsewhere"));

        Assert.Equal(Reason.SayWhyWithdrawn, noReason.Reason);
        Assert.Equal(OfferStatus.Withdrawn, withdrawn.Value!.Status);
        await domain.WaitForBoard(hub, b => b.Offers.All(o => o.Id != offer.Id));
        Assert.Equal(Reason.OfferClosed, (await Grain(offer.Id).Unpause(new OfferCommand(withdrawn.Value.Version, Domain.Ana))).Reason);
        Assert.Equal(Reason.OfferClosed, (await Grain(offer.Id).Withdraw(Domain.Ana, "again")).Reason);
    }

    [Fact]
    public async Task A_command_naming_another_hub_finds_nothing_and_changes_nothing()
    {
        var hub = await domain.NewHub();
        var other = await domain.NewHub();
        var offer = await domain.NewOffer(hub);
        await Grain(offer.Id).Edit(new EditOffer(offer.Version, Domain.Ana, new() { Description = "Brown rice" }));

        // Even a stale version answers NotFound: who changed it last is not for another hub to learn.
        var edit = await Grain(offer.Id).Edit(new EditOffer(offer.Version, Domain.Sam, new() { Description = "Mine now" }) { Hub = other });
        var withdraw = await Grain(offer.Id).Withdraw(new OfferCommand(offer.Version + 1, Domain.Sam, "gone") { Hub = other });

        Assert.Equal((ResultStatus.NotFound, Reason.NoSuchOffer), (edit.Status, edit.Reason));
        Assert.Null(edit.Conflict);
        Assert.Equal((ResultStatus.NotFound, Reason.NoSuchOffer), (withdraw.Status, withdraw.Reason));
        Assert.Equal((OfferStatus.Open, "Brown rice"), ((await Grain(offer.Id).GetView())!.Status, (await Grain(offer.Id).GetView())!.Description));
    }

    [Fact]
    public async Task A_draw_down_on_a_version_already_taken_from_is_refused_naming_who_took_what()
    {
        var hub = await domain.NewHub();
        var other = await domain.NewHub();
        var request = Guid.NewGuid();
        var offer = await domain.NewOffer(hub, quantity: 2);

        // Two dispatcher tabs showing the same version: the second is told, and nothing more is taken.
        var first = await Grain(offer.Id).DrawDown(new DrawDownOffer(offer.Version, Domain.Ana, 1, request) { Hub = hub });
        var second = await Grain(offer.Id).DrawDown(new DrawDownOffer(offer.Version, Domain.Sam, 1, request) { Hub = hub });
        var elsewhere = await Grain(offer.Id).DrawDown(new DrawDownOffer(first.Value!.Version, Domain.Sam, 1, request) { Hub = other });
        var last = await Grain(offer.Id).DrawDown(new DrawDownOffer(first.Value.Version, Domain.Sam, 1, request) { Hub = hub });
        var closed = await Grain(offer.Id).DrawDown(new DrawDownOffer(last.Value!.Version, Domain.Ana, 1, request) { Hub = hub });

        Assert.Equal((ResultStatus.Conflict, Reason.Stale), (second.Status, second.Reason));
        Assert.Equal(("Ana", "took 1 kg"), (second.Conflict!.ChangedBy.DisplayName, second.Conflict.Change));
        Assert.Equal((ResultStatus.NotFound, Reason.NoSuchOffer, null), (elsewhere.Status, elsewhere.Reason, elsewhere.Conflict));
        Assert.Equal((0m, OfferStatus.Exhausted), (last.Value.Remaining, last.Value.Status));
        Assert.Equal(Reason.OfferClosed, closed.Reason);
        Assert.Equal([request, request], (await Grain(offer.Id).GetView())!.DrawDowns.Select(d => d.RequestId));
    }

    [Fact]
    public async Task An_offer_closes_by_itself_at_its_expiry_through_the_reminder()
    {
        var hub = await domain.NewHub();
        var id = Guid.NewGuid();
        var created = await Grain(id).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Soup tonight", 10, "bowls",
            new ContactDetails("Tom", null, null, null), RequestSource.PhoneIntake, Domain.Sam)
        { ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(2) });
        Assert.True(created.IsOk, created.Message);
        await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == id));

        // Nobody calls the grain: only the durable reminder can close it.
        await domain.WaitForBoard(hub, b => b.Offers.All(o => o.Id != id), TimeSpan.FromSeconds(60));

        Assert.Equal(OfferStatus.Expired, (await Grain(id).GetView())!.Status);
        var last = (await Grain(id).GetAudit())[^1];
        Assert.Equal(("MutualAid", "closed this offer", Reason.OfferExpiryPassed.Key()), (last.Actor.DisplayName, last.Action, last.ReasonSaid?.Key));
    }
}
