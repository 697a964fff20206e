namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// A pair still waiting for its second volunteer is held by the first, and nobody can unassign a
/// waiting request: when it leaves its hub (escalated to the region, moved to another hub) the one
/// who took the first place is released with that change, not left holding time for a need another
/// hub now serves.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WaitingPairTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_half_held_pair_escalated_to_the_region_releases_the_volunteer_who_held_it()
    {
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var (grain, priya, _, withPriya) = await domain.PairWithPriya(north);
        Assert.True(RequestLifecycle.IsWaiting(withPriya.Status));

        var escalated = await grain.Escalate(new EscalateCommand(withPriya.Version, Domain.Sam, region, "no second driver"));

        Assert.True(escalated.IsOk, escalated.Message);
        Assert.Empty(escalated.Value!.Assignees);
        Assert.Equal(AssignmentState.Withdrawn, escalated.Value.PastAssignments[^1].State);
        await Released(priya.Id);
    }

    [Fact]
    public async Task A_half_held_pair_moved_to_another_hub_arrives_unheld_and_releases_the_volunteer_who_held_it()
    {
        var (_, north, south) = await domain.NewRegionWithTwoHubs();
        var (grain, priya, _, withPriya) = await domain.PairWithPriya(north);

        var moved = await grain.TransferTo(new TransferCommand(withPriya.Version, Domain.Sam, south, "south has two drivers"));

        Assert.True(moved.IsOk, moved.Message);
        Assert.Equal(south, moved.Value!.HubSlug);
        Assert.Empty(moved.Value.Assignees);
        await Released(priya.Id);
    }

    [Fact]
    public async Task The_volunteer_in_a_waiting_pairs_first_place_can_answer_and_a_dispatcher_can_take_them_off()
    {
        var hub = await domain.NewHub();
        var priyaAs = new Actor("priya-user", "Priya");

        // Declined by the volunteer: the pair waits as it did, for two new volunteers.
        var (declining, priya, _, offered) = await domain.PairWithPriya(hub);
        var declined = await declining.Decline(new RequestCommand(offered.Version, priyaAs) { AsVolunteer = priya.Id });
        Assert.True(declined.IsOk, declined.Message);
        Assert.Empty(declined.Value!.Assignees);
        Assert.Equal(offered.Status, declined.Value.Status);
        await Released(priya.Id);

        // Accepted: she keeps her place on her claim's clock while the pair waits.
        var (accepting, ana, _, offeredToAna) = await domain.PairWithPriya(hub);
        var accepted = await accepting.Accept(new RequestCommand(offeredToAna.Version, priyaAs) { AsVolunteer = ana.Id });
        Assert.True(accepted.IsOk, accepted.Message);
        Assert.Equal(AssignmentState.Accepted, accepted.Value!.HeldBy(ana.Id)!.State);
        Assert.NotNull(accepted.Value.HeldBy(ana.Id)!.ClaimExpiresAt);
        Assert.True(RequestLifecycle.IsWaiting(accepted.Value.Status));

        // Taken off by a dispatcher.
        var unassigned = await accepting.Unassign(new RequestCommand(accepted.Value.Version, Domain.Sam, "she is unwell"));
        Assert.True(unassigned.IsOk, unassigned.Message);
        Assert.Empty(unassigned.Value!.Assignees);
        await Released(ana.Id);
    }

    private Task Released(Guid volunteer) =>
        Wait.Until(async () => (await fixture.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Reservations.Count == 0, "the volunteer's time to be theirs again", 20);

    [Fact]
    public async Task The_hub_never_suggests_either_volunteer_already_holding_a_pair()
    {
        var hub = await domain.NewHub();
        var (grain, priya, tom, withPriya) = await domain.PairWithPriya(hub);
        var both = (await grain.Assign(new AssignCommand(withPriya.Version, Domain.Sam, tom.Id))).Value!;
        var uma = await domain.NewVolunteer(hub, "Uma");
        await domain.WaitForBoard(hub, b => b.Volunteers.Count == 3 && b.Requests.Any(r => r.Id == both.Id && r.Held == 2));

        var suggested = (await domain.Hub(hub).SuggestVolunteers(both.Id, 10)).Select(s => s.Candidate.Id).ToArray();

        Assert.Equal([uma.Id], suggested);
    }
}
