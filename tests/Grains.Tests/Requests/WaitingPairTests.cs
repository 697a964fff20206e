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

    private Task Released(Guid volunteer) =>
        Wait.Until(async () => (await fixture.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Reservations.Count == 0, "the volunteer's time to be theirs again", 20);
}
