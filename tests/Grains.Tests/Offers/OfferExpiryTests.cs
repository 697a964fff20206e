namespace MutualAid.Grains.Tests.Offers;

/// <summary>Expiry by the clock: what the reminder does when it wakes, driven here by a fake clock so no test waits on time.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class OfferExpiryTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private async Task<(string Hub, OfferView Offer, IOfferGrain Grain)> OfferEnding(TimeSpan after)
    {
        var hub = await domain.NewHub();
        var grain = fixture.Grains.GetGrain<IOfferGrain>(Guid.NewGuid());
        var created = await grain.Create(new NewOffer(hub, OfferKind.Space, RequestCategory.Shelter, "Spare room", 1, "room",
            new ContactDetails("Tom", null, null, null), RequestSource.PhoneIntake, Domain.Sam)
        { ExpiresAt = fixture.Clock.GetUtcNow() + after });
        Assert.True(created.IsOk, created.Message);
        return (hub, created.Value!, grain);
    }

    [Fact]
    public async Task A_paused_offer_expires_too_and_leaves_the_board()
    {
        var (hub, offer, grain) = await OfferEnding(TimeSpan.FromHours(1));
        await grain.CheckExpiry();
        Assert.Equal(OfferStatus.Open, (await grain.GetView())!.Status); // not yet
        var paused = await grain.Pause(new OfferCommand(offer.Version, Domain.Ana));
        await domain.WaitForBoard(hub, b => b.Offers.Any(o => o.Id == offer.Id && o.Status == OfferStatus.Paused));

        fixture.Clock.Advance(TimeSpan.FromMinutes(61));
        await grain.CheckExpiry();
        await grain.CheckExpiry(); // idempotent

        var expired = (await grain.GetView())!;
        Assert.Equal((OfferStatus.Expired, paused.Value!.Version + 1), (expired.Status, expired.Version));
        await domain.WaitForBoard(hub, b => b.Offers.All(o => o.Id != offer.Id));
        Assert.Equal(Reason.OfferClosed, (await grain.Edit(new EditOffer(expired.Version, Domain.Ana, new() { Description = "Later" }))).Reason);
    }

    [Fact]
    public async Task Expiry_is_set_cleared_and_moved_by_an_edit_and_never_into_the_past()
    {
        var (_, offer, grain) = await OfferEnding(TimeSpan.FromHours(1));

        var past = await grain.Edit(new EditOffer(offer.Version, Domain.Ana, new() { ExpiresAt = fixture.Clock.GetUtcNow().AddMinutes(-1) }));
        var cleared = await grain.Edit(new EditOffer(offer.Version, Domain.Ana, new() { ClearExpiresAt = true }));
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await grain.CheckExpiry();
        Assert.Equal(OfferStatus.Open, (await grain.GetView())!.Status);

        var later = await grain.Edit(new EditOffer(cleared.Value!.Version, Domain.Ana, new() { ExpiresAt = fixture.Clock.GetUtcNow().AddDays(30) }));
        fixture.Clock.Advance(TimeSpan.FromDays(29));
        await grain.CheckExpiry();
        Assert.Equal(OfferStatus.Open, (await grain.GetView())!.Status);
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await grain.CheckExpiry();

        Assert.Equal((nameof(OfferChanges.ExpiresAt), Reason.OfferExpiryPast), (past.Errors.Single().Field, past.Reason));
        Assert.Null(cleared.Value.ExpiresAt);
        Assert.True(later.IsOk, later.Message);
        Assert.Equal(OfferStatus.Expired, (await grain.GetView())!.Status);
        Assert.Equal(["recorded this offer (PhoneIntake)", "changed expiry", "changed expiry", "closed this offer"], (await grain.GetAudit()).Select(a => a.Action));
    }

    [Fact]
    public async Task A_new_offer_cannot_expire_in_the_past()
    {
        var hub = await domain.NewHub();
        var refused = await fixture.Grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Bread", 2, "loaves",
            new ContactDetails("Tom", null, null, null), RequestSource.PhoneIntake, Domain.Sam)
        { ExpiresAt = fixture.Clock.GetUtcNow() });
        Assert.Equal((ResultStatus.Invalid, Reason.OfferExpiryPast), (refused.Status, refused.Reason));
    }
}
