namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// A claim on a two-volunteer request is a lease like any other, even while the pair waits for its
/// second: a volunteer alone in it must not hold the job (and their time) for as long as nobody joins.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class PairClaimLapseTests(FakeClockClusterFixture fixture)
{
    private static readonly Actor Tom = new("tom-user", "Tom");
    private static readonly Actor Priya = new("priya-user", "Priya");

    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_lone_claim_on_a_pair_waiting_for_its_partner_is_warned_then_lapses_and_the_volunteer_is_told()
    {
        // Low: its claim window (a day) ends before its deadline (two), so only the claim acts here.
        var (hub, grain, created) = await WaitingPair(Urgency.Low);
        var tom = await domain.NewVolunteer(hub, "Tom");
        var claimed = await grain.Claim(new ClaimCommand(created.Version, Tom, tom.Id) { AsVolunteer = tom.Id });
        Assert.True(claimed.IsOk, claimed.Message);
        Assert.Equal(RequestStatus.New, claimed.Value!.Status); // one of two: still waiting for a partner
        var until = claimed.Value.Assignment!.ClaimExpiresAt!.Value;
        Assert.Equal(fixture.Clock.GetUtcNow() + UrgencyTimes.DefaultClaims.For(Urgency.Low), until);
        Assert.NotNull(await fixture.Cluster.Reminders().ReadRow(grain.GetGrainId(), "claim"));

        await fixture.WarnThenLapse(grain, tom.Id, until);

        var lapsed = (await grain.GetView())!;
        Assert.Null(lapsed.Assignment);
        Assert.Equal(AssignmentState.Withdrawn, lapsed.PastAssignments[^1].State);
        // Nobody triaged it: the lapse puts it back as it waited, not as if a coordinator had.
        Assert.Equal(RequestStatus.New, lapsed.Status);
        var entry = (await grain.GetAudit())[^1];
        Assert.Equal("let Tom's claim lapse", entry.Action);
        Assert.Equal(MutualAid.Common.Reason.NotPickedUpInTime.Key(), entry.ReasonSaid?.Key);
        var volunteer = (await fixture.Grains.GetGrain<IVolunteerGrain>(tom.Id).GetView())!;
        Assert.Empty(volunteer.Reservations);
        Assert.Equal(MutualAid.Common.Reason.ClaimLapsed.Key(), Assert.Single(volunteer.Notices).Said?.Key);
        Assert.Null(await fixture.Cluster.Reminders().ReadRow(grain.GetGrainId(), "claim")); // nothing left to run out
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == created.Id && r.AssignedVolunteerId is null && r.ClaimExpiresAt is null));
    }

    [Fact]
    public async Task A_partner_joining_later_does_not_extend_the_first_claim_and_the_one_left_waiting_still_lapses()
    {
        // The pair fills within an hour, well before the deadline of its waiting.
        var (hub, grain, created) = await WaitingPair(Urgency.Normal);
        var (tom, priya) = (await domain.NewVolunteer(hub, "Tom"), await domain.NewVolunteer(hub, "Priya"));
        var first = (await grain.Claim(new ClaimCommand(created.Version, Tom, tom.Id) { AsVolunteer = tom.Id })).Value!;
        var tomUntil = first.Assignment!.ClaimExpiresAt!.Value;

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var both = (await grain.Claim(new ClaimCommand(first.Version, Priya, priya.Id) { AsVolunteer = priya.Id })).Value!;
        Assert.Equal(RequestStatus.Assigned, both.Status);
        Assert.Equal(tomUntil, both.HeldBy(tom.Id)!.ClaimExpiresAt);
        var priyaUntil = both.HeldBy(priya.Id)!.ClaimExpiresAt!.Value;

        fixture.Clock.Advance(tomUntil - fixture.Clock.GetUtcNow());
        await grain.CheckClaim();
        var alone = (await grain.GetView())!;
        Assert.Null(alone.HeldBy(tom.Id));
        Assert.Equal(priya.Id, alone.Assignment!.VolunteerId); // Priya keeps her place and her own lease
        Assert.Equal(priyaUntil, alone.Assignment.ClaimExpiresAt);
        Assert.NotNull(await fixture.Cluster.Reminders().ReadRow(grain.GetGrainId(), "claim"));

        fixture.Clock.Advance(priyaUntil - fixture.Clock.GetUtcNow());
        await grain.CheckClaim();
        var lapsed = (await grain.GetView())!;
        Assert.Null(lapsed.Assignment);
        Assert.Equal("let Priya's claim lapse", (await grain.GetAudit())[^1].Action);
        Assert.Empty((await fixture.Grains.GetGrain<IVolunteerGrain>(priya.Id).GetView())!.Reservations);
    }

    [Fact]
    public async Task The_board_counts_down_a_partners_claim_when_the_first_place_has_none()
    {
        var (hub, grain, created) = await WaitingPair(Urgency.Normal);
        var (tom, priya) = (await domain.NewVolunteer(hub, "Tom"), await domain.NewVolunteer(hub, "Priya"));
        // The dispatcher places Tom (no claim of his own runs), Priya claims the second place.
        var placed = (await grain.Assign(new AssignCommand(created.Version, Domain.Sam, tom.Id))).Value!;
        Assert.Null(placed.HeldBy(tom.Id)!.ClaimExpiresAt);
        var both = (await grain.Claim(new ClaimCommand(placed.Version, Priya, priya.Id) { AsVolunteer = priya.Id })).Value!;
        var priyaUntil = both.HeldBy(priya.Id)!.ClaimExpiresAt;
        Assert.NotNull(priyaUntil);

        Assert.Equal(priyaUntil, both.Redact().ClaimExpiresAt);
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == created.Id && r.ClaimExpiresAt == priyaUntil));
    }

    private async Task<(string Hub, IRequestGrain Grain, RequestView Created)> WaitingPair(Urgency urgency)
    {
        var hub = await domain.NewHub();
        var grain = domain.RequestGrain(Guid.NewGuid());
        var created = await grain.Create(Domain.Request(hub, phone: Domain.UniquePhone(), urgency: urgency) with { NeedsTwo = true });
        Assert.True(created.IsOk, created.Message);
        return (hub, grain, created.Value!);
    }
}
