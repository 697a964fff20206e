namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// No harvesting of addresses through claims: giving back more than the hub allows within an hour
/// holds a volunteer's claiming until a coordinator clears it; every sight of the contact details is audited.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class GiveBackTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private async Task<RequestView> Claim(string hub, Guid volunteer, Urgency urgency = Urgency.Normal)
    {
        var request = await domain.NewRequest(hub, urgency: urgency);
        var claimed = await domain.RequestGrain(request.Id).Claim(new ClaimCommand(request.Version, Domain.Ana, volunteer));
        Assert.True(claimed.IsOk, claimed.Message);
        return claimed.Value!;
    }

    /// <summary>The history (and the loser of a race for it) read "Valeria claimed this for Valeria".</summary>
    [Fact]
    public async Task A_volunteer_who_claims_for_themself_claimed_it_and_one_claimed_for_them_is_named()
    {
        var hub = await domain.NewHub();
        var valeria = await domain.NewVolunteer(hub, "Valeria", maxAssignments: 5, maxHours: 40);
        var own = await domain.NewRequest(hub);
        var forHer = await domain.NewRequest(hub);

        Assert.True((await domain.RequestGrain(own.Id).Claim(new ClaimCommand(own.Version, new Actor("valeria@example.org", "Valeria"), valeria.Id))).IsOk);
        Assert.True((await domain.RequestGrain(forHer.Id).Claim(new ClaimCommand(forHer.Version, Domain.Ana, valeria.Id))).IsOk);

        Assert.Equal("claimed this", (await domain.RequestGrain(own.Id).GetAudit())[^1].Said.ToString());
        Assert.Equal("claimed this for Valeria", (await domain.RequestGrain(forHer.Id).GetAudit())[^1].Said.ToString());
    }

    [Fact]
    public async Task The_fourth_give_back_within_an_hour_holds_claiming_with_the_reason_until_a_coordinator_clears_it()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Hal", maxAssignments: 5, maxHours: 40);

        // Declined after claiming, dropped by themselves, declined again: three, within the limit.
        var first = await Claim(hub, v.Id);
        Assert.True((await domain.RequestGrain(first.Id).Decline(new RequestCommand(first.Version, Domain.Ana))).IsOk);
        var second = await Claim(hub, v.Id);
        Assert.True((await domain.RequestGrain(second.Id).Unassign(new RequestCommand(second.Version, Domain.Ana))).IsOk);
        var third = await Claim(hub, v.Id);
        Assert.True((await domain.RequestGrain(third.Id).Decline(new RequestCommand(third.Version, Domain.Ana))).IsOk);
        Assert.Null((await fixture.Grains.GetGrain<IVolunteerGrain>(v.Id).GetView())!.ClaimsHeld);

        // The fourth: a claim left to lapse.
        var fourth = await Claim(hub, v.Id, Urgency.Critical);
        fixture.Clock.Advance(UrgencyTimes.DefaultClaims.Critical + TimeSpan.FromMinutes(1));
        await domain.RequestGrain(fourth.Id).CheckClaim();

        var next = await domain.NewRequest(hub);
        var refused = await domain.RequestGrain(next.Id).Claim(new ClaimCommand(next.Version, Domain.Ana, v.Id));
        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal(Reason.YourClaimsHeld, refused.Reason);
        Assert.Equal("You gave back 4 claims within an hour; a coordinator of your hub must clear this before you claim again.", refused.Message);
        Assert.Null((await domain.RequestGrain(next.Id).GetView())!.Assignment);
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(x => x.Id == v.Id && x.ClaimsHeld?.Key == "ClaimsHeld"));

        // A dispatcher can still assign them.
        var dispatched = await domain.NewRequest(hub);
        Assert.True((await domain.RequestGrain(dispatched.Id).Assign(new AssignCommand(dispatched.Version, Domain.Sam, v.Id))).IsOk);

        var cleared = await fixture.Grains.GetGrain<IVolunteerGrain>(v.Id).ClearClaimsHold(Domain.Sam);
        Assert.True(cleared.IsOk, cleared.Message);
        Assert.Null(cleared.Value!.ClaimsHeld);
        Assert.True((await domain.RequestGrain(next.Id).Claim(new ClaimCommand(next.Version, Domain.Ana, v.Id))).IsOk);
        var trail = await fixture.Grains.GetGrain<IVolunteerGrain>(v.Id).GetAudit();
        Assert.Equal(["ClaimsHeld", "DidClearClaimsHold"], trail.Select(e => e.Said!.Key));
        Assert.Equal(Domain.Sam, trail[^1].Actor);
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(x => x.Id == v.Id && x.ClaimsHeld is null));
    }

    [Fact]
    public async Task Give_backs_spread_over_more_than_an_hour_and_dispatchers_unassigning_do_not_hold_anyone()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Ivo", maxAssignments: 5, maxHours: 40);
        for (var i = 0; i < 3; i++)
        {
            var claimed = await Claim(hub, v.Id);
            Assert.True((await domain.RequestGrain(claimed.Id).Decline(new RequestCommand(claimed.Version, Domain.Ana))).IsOk);
        }

        // A dispatcher taking a claim away is not the volunteer giving it back.
        var taken = await Claim(hub, v.Id);
        Assert.True((await domain.RequestGrain(taken.Id).Unassign(new RequestCommand(taken.Version, Domain.Sam))).IsOk);
        fixture.Clock.Advance(TimeSpan.FromMinutes(61));
        var late = await Claim(hub, v.Id);
        Assert.True((await domain.RequestGrain(late.Id).Decline(new RequestCommand(late.Version, Domain.Ana))).IsOk);

        Assert.Null((await fixture.Grains.GetGrain<IVolunteerGrain>(v.Id).GetView())!.ClaimsHeld);
        await Claim(hub, v.Id);
    }

    [Fact]
    public async Task A_volunteer_seeing_the_contact_details_is_one_audit_line_per_claim_and_changes_no_version()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Jun");
        var claimed = await Claim(hub, v.Id);
        var grain = domain.RequestGrain(claimed.Id);

        await grain.RecordReveal(Domain.Ana);
        await grain.RecordReveal(Domain.Ana); // a reload

        var reveals = (await grain.GetAudit()).Where(e => e.Said?.Key == "DidSeeContact").ToList();
        Assert.Equal("saw the contact details", Assert.Single(reveals).Action);
        Assert.Equal(Domain.Ana, reveals[0].Actor);
        Assert.Equal(claimed.Version, (await grain.GetView())!.Version);
        Assert.True((await grain.Start(new RequestCommand(claimed.Version, Domain.Ana))).IsOk); // not stale

        // Another claim of the same request is another line.
        var withdrawn = (await grain.Unassign(new RequestCommand(claimed.Version + 1, Domain.Sam))).Value!;
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await grain.Claim(new ClaimCommand(withdrawn.Version, Domain.Ana, v.Id))).IsOk);
        await grain.RecordReveal(Domain.Ana);
        Assert.Equal(2, (await grain.GetAudit()).Count(e => e.Said?.Key == "DidSeeContact"));
    }
}
