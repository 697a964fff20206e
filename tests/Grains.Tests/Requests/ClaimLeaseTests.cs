namespace MutualAid.Grains.Tests.Requests;

/// <summary>Claims as leases: a volunteer holds a request for a set time per urgency, then it lapses.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class ClaimLeaseTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_request_that_stays_in_memory_keeps_to_the_claim_window_its_hub_set_since_it_was_taken_in()
    {
        var (hub, v, request, grain) = await domain.HubWithRequest("Noor", urgency: Urgency.High);
        var board = fixture.Grains.GetGrain<IHubGrain>(hub);
        var shorter = UrgencyTimes.DefaultClaims with { High = TimeSpan.FromMinutes(20) };
        Assert.True((await board.Configure((await board.GetSettings())! with { Claims = shorter }, Domain.Sam)).IsOk);

        // The hub never calls its requests: this one reads the change once what it read is a minute old.
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, v.Id))).Value!;
        var accepted = (await grain.Accept(new RequestCommand(assigned.Version, Domain.Ana))).Value!;

        Assert.Equal(fixture.Clock.GetUtcNow() + shorter.High, accepted.Assignment!.ClaimExpiresAt);
    }

    [Fact]
    public async Task A_claim_not_picked_up_in_time_lapses_back_to_the_board_and_the_volunteer_is_told()
    {
        var (hub, v, request, grain) = await domain.HubWithRequest("Rosa", urgency: Urgency.High);
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, v.Id))).Value!;
        Assert.Null(assigned.Assignment!.ClaimExpiresAt); // offered: the claim starts when accepted

        var accepted = (await grain.Accept(new RequestCommand(assigned.Version, Domain.Ana))).Value!;
        Assert.Equal(fixture.Clock.GetUtcNow() + UrgencyTimes.DefaultClaims.High, accepted.Assignment!.ClaimExpiresAt);
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id && r.ClaimExpiresAt == accepted.Assignment.ClaimExpiresAt));

        fixture.Clock.Advance(UrgencyTimes.DefaultClaims.High - TimeSpan.FromMinutes(1));
        await grain.CheckClaim();
        Assert.Equal(RequestStatus.Assigned, (await grain.GetView())!.Status); // not yet

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await grain.CheckClaim();
        await grain.CheckClaim(); // idempotent

        var lapsed = (await grain.GetView())!;
        Assert.Equal(RequestStatus.Triaged, lapsed.Status);
        Assert.Null(lapsed.Assignment);
        Assert.Equal(AssignmentState.Withdrawn, lapsed.PastAssignments[^1].State);
        var entry = (await grain.GetAudit())[^1];
        Assert.Equal(MutualAid.Common.Actor.System.UserId, entry.Actor.UserId);
        Assert.Equal("let Rosa's claim lapse", entry.Action);
        var volunteer = (await fixture.Grains.GetGrain<IVolunteerGrain>(v.Id).GetView())!;
        Assert.Empty(volunteer.Reservations);
        var notice = Assert.Single(volunteer.Notices);
        Assert.Contains("lapsed", notice.Message, StringComparison.Ordinal);
        Assert.Equal(MutualAid.Common.Reason.ClaimLapsed.Key(), notice.Said?.Key);
        Assert.Equal(hub, notice.HubSlug); // only this hub's staff see it beside her
        Assert.Equal(MutualAid.Common.Reason.NotPickedUpInTime.Key(), entry.ReasonSaid?.Key);
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id && r.AssignedVolunteerId is null && r.ClaimExpiresAt is null));
    }

    [Fact]
    public async Task A_self_service_claim_starts_the_lease_and_picking_up_ends_it()
    {
        var (hub, v, other, request, grain) = await domain.HubWithRequest("Sol", "Tia", urgency: Urgency.Critical);

        var claimed = (await grain.Claim(new ClaimCommand(request.Version, Domain.Ana, v.Id))).Value!;
        Assert.Equal(RequestStatus.Assigned, claimed.Status);
        Assert.Equal(AssignmentState.Accepted, claimed.Assignment!.State);
        Assert.Equal(fixture.Clock.GetUtcNow() + UrgencyTimes.DefaultClaims.Critical, claimed.Assignment.ClaimExpiresAt);
        Assert.Equal(MutualAid.Common.Reason.AlreadyTaken, (await grain.Claim(new ClaimCommand(claimed.Version, Domain.Ana, other.Id))).Reason);

        var started = (await grain.Start(new RequestCommand(claimed.Version, Domain.Ana))).Value!;
        Assert.Null(started.Assignment!.ClaimExpiresAt);
        fixture.Clock.Advance(UrgencyTimes.DefaultClaims.Critical + TimeSpan.FromMinutes(5));
        await grain.CheckClaim();
        Assert.Equal(RequestStatus.InProgress, (await grain.GetView())!.Status); // picked up: nothing lapses
    }

    [Fact]
    public async Task A_claim_into_the_free_place_of_a_pair_lapses_and_gives_the_volunteers_time_back()
    {
        var hub = await domain.NewHub();
        var (grain, priya, tom, one) = await domain.PairWithPriya(hub);
        var claimed = await grain.Claim(new ClaimCommand(one.Version, new Actor("tom-user", "Tom"), tom.Id) { AsVolunteer = tom.Id });
        Assert.True(claimed.IsOk, claimed.Message);
        Assert.Equal(tom.Id, claimed.Value!.Partner!.VolunteerId);
        Assert.NotNull(await grain.ContactForVolunteer(tom.Id));
        Assert.NotNull(await fixture.Cluster.Reminders().ReadRow(grain.GetGrainId(), "claim")); // the partner's lease has a reminder to end it

        fixture.Clock.Advance(UrgencyTimes.DefaultClaims.For(Urgency.Normal) + TimeSpan.FromHours(1));
        await grain.CheckClaim();

        var lapsed = (await grain.GetView())!;
        Assert.Null(lapsed.HeldBy(tom.Id));
        Assert.Null(await grain.ContactForVolunteer(tom.Id));
        Assert.Equal(priya.Id, lapsed.Assignment!.VolunteerId); // Priya keeps her place and waits for a new partner
        Assert.Equal(RequestStatus.Triaged, lapsed.Status);
        Assert.Equal("let Tom's claim lapse", (await grain.GetAudit())[^1].Action);
        Assert.Empty((await fixture.Grains.GetGrain<IVolunteerGrain>(tom.Id).GetView())!.Reservations);
        Assert.Single((await fixture.Grains.GetGrain<IVolunteerGrain>(priya.Id).GetView())!.Reservations);
    }

    [Fact]
    public async Task A_partner_who_accepts_and_never_picks_up_lapses_and_is_warned_first()
    {
        var hub = await domain.NewHub();
        var (grain, priya, tom, one) = await domain.PairWithPriya(hub);
        var both = (await grain.Assign(new AssignCommand(one.Version, Domain.Sam, tom.Id))).Value!;
        var accepted = (await grain.Accept(new RequestCommand(both.Version, new Actor("tom-user", "Tom")) { AsVolunteer = tom.Id })).Value!;
        var until = accepted.Partner!.ClaimExpiresAt!.Value;

        await fixture.WarnThenLapse(grain, tom.Id, until);

        var lapsed = (await grain.GetView())!;
        Assert.Null(lapsed.HeldBy(tom.Id));
        Assert.Equal(priya.Id, lapsed.Assignment!.VolunteerId);
        Assert.Empty((await fixture.Grains.GetGrain<IVolunteerGrain>(tom.Id).GetView())!.Reservations);
    }
}
