namespace MutualAid.Grains.Tests.Volunteers;

/// <summary>
/// A reservation no request holds (left by a crash between the volunteer's reservation and the
/// request's write) does not block the volunteer for ever: when it stands in the way, the volunteer
/// asks the request, which ends it; one the request does hold stays. The crash is played by
/// reserving directly, as the request would have just before dying.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LeftoverReservationTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_leftover_reservation_that_blocks_an_assignment_is_ended_and_the_next_try_succeeds()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Priya", maxAssignments: 1);
        var priya = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id);
        var lost = await domain.NewRequest(hub);
        Assert.True((await priya.Reserve(lost.Id, hub, 1)).IsOk); // the request died before writing it

        var next = await domain.NewRequest(hub);
        var refused = await domain.RequestGrain(next.Id).Assign(new AssignCommand(next.Version, Domain.Sam, volunteer.Id));
        Assert.Equal(ResultStatus.Refused, refused.Status);

        await Wait.Until(async () => (await priya.GetView())!.Reservations.Count == 0, "the leftover reservation to end", 20);
        var assigned = await domain.RequestGrain(next.Id).Assign(new AssignCommand(next.Version, Domain.Sam, volunteer.Id));
        Assert.True(assigned.IsOk, assigned.Message);
    }

    [Fact]
    public async Task A_volunteer_whose_erasure_a_leftover_reservation_refused_can_be_erased_once_it_is_ended_and_a_held_job_stays()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Tom", maxAssignments: 3);
        var tom = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id);
        var held = await domain.NewRequest(hub);
        Assert.True((await domain.RequestGrain(held.Id).Assign(new AssignCommand(held.Version, Domain.Sam, volunteer.Id))).IsOk);
        var lost = await domain.NewRequest(hub);
        Assert.True((await tom.Reserve(lost.Id, hub, 1)).IsOk);

        Assert.Equal(Reason.HoldsAssignments, (await tom.ErasePersonalData(Domain.Sam)).Reason);
        await Wait.Until(async () => (await tom.GetView())!.Reservations.All(r => r.RequestId != lost.Id), "the leftover reservation to end", 20);
        Assert.Contains((await tom.GetView())!.Reservations, r => r.RequestId == held.Id);

        // The job he does hold ends the ordinary way; then nothing stands in the way.
        var assigned = (await domain.RequestGrain(held.Id).GetView())!;
        Assert.True((await domain.RequestGrain(held.Id).Cancel(new RequestCommand(assigned.Version, Domain.Sam, "sorted"))).IsOk);
        Assert.True((await tom.ErasePersonalData(Domain.Sam)).IsOk);
    }
}
