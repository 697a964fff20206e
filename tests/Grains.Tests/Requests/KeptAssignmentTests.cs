using MutualAid.Grains.Tests.Outages;

namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// An assignment the request has written is kept whatever happens after the write: the volunteer's
/// reservation stays (their limits keep counting the job) and the dispatcher hears it worked.
/// </summary>
public sealed class KeptAssignmentTests : BrokenStoreTest
{
    [Fact]
    public async Task An_assignment_whose_network_withdrawal_fails_after_the_write_keeps_the_volunteer_reserved_and_answers_success()
    {
        var domain = new Domain(Cluster.Client);
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var volunteer = await domain.NewVolunteer(north, "Priya", maxAssignments: 1);
        var request = await domain.NewRequest(north, urgency: Urgency.Critical);
        var grain = domain.RequestGrain(request.Id);
        var escalated = (await grain.Escalate(new EscalateCommand(request.Version, Domain.Sam, region, "none free"))).Value!;
        var raised = (await grain.RaiseToNetwork(new RequestCommand(escalated.Version, Domain.Sam, "region has none"))).Value!;
        var reopened = (await grain.Reopen(new RequestCommand(raised.Version, Domain.Sam, "a driver turned up"))).Value!;
        Assert.True(reopened.RaisedToNetwork);

        // The assignment withdraws the raised need after its write; the network's store refuses that.
        Store.FailingStates = new HashSet<string> { "network" };
        Store.FailWrites = true;
        var assigned = await grain.Assign(new AssignCommand(reopened.Version, Domain.Sam, volunteer.Id));
        Store.FailWrites = false;

        Assert.True(assigned.IsOk);
        Assert.Equal(volunteer.Id, (await grain.GetView())!.Assignment?.VolunteerId);
        var held = (await Cluster.Client.GetGrain<IVolunteerGrain>(volunteer.Id).GetView())!.Reservations;
        Assert.Contains(held, r => r.RequestId == request.Id);
    }
}
