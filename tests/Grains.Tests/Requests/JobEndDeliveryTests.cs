using MutualAid.Grains.Tests.Outages;

namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// A job's end (released, given back, delivered) is written with the request's change and handed to
/// the volunteer until they answer: a dispatcher whose change was kept hears it worked even while
/// the volunteer's store is down, and the volunteer's time is given back (hours banked) once it is
/// back, even across the request's deactivation. Runs on its own cluster because it breaks the
/// volunteers' store on purpose.
/// </summary>
public sealed class JobEndDeliveryTests : BrokenStoreTest
{
    [Fact]
    public async Task A_cancel_while_the_volunteers_store_is_down_answers_success_and_frees_them_once_it_is_back()
    {
        var domain = new Domain(Cluster.Client);
        var (hub, volunteer, request, grain) = await domain.HubWithRequest("Priya");
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, volunteer.Id))).Value!;

        Store.FailingStates = new HashSet<string> { "volunteer" };
        Store.FailWrites = true;
        var cancelled = await grain.Cancel(new RequestCommand(assigned.Version, Domain.Sam, "sorted by family"));
        Store.FailWrites = false;
        await Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.True(cancelled.IsOk, cancelled.Message);
        Assert.True(Store.FailedWrites > 0);
        var priya = Cluster.Client.GetGrain<IVolunteerGrain>(volunteer.Id);
        await Wait.Until(async () => (await priya.GetView())!.Reservations.Count == 0, "Priya's time to be hers again", 20);
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == volunteer.Id && v.ActiveAssignments == 0));
    }

    [Fact]
    public async Task A_delivery_while_the_volunteers_store_is_down_answers_success_and_banks_their_hours_once_it_is_back()
    {
        var domain = new Domain(Cluster.Client);
        var (_, volunteer, request, grain) = await domain.HubWithRequest("Priya");
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, volunteer.Id))).Value!;
        var started = (await grain.Start(new RequestCommand(assigned.Version, Domain.Sam))).Value!;

        Store.FailingStates = new HashSet<string> { "volunteer" };
        Store.FailWrites = true;
        var delivered = await grain.Fulfil(new FulfilCommand(started.Version, Domain.Sam, 2.5));
        Store.FailWrites = false;

        Assert.True(delivered.IsOk, delivered.Message);
        Assert.Equal(RequestStatus.Fulfilled, (await grain.GetView())!.Status);
        var priya = Cluster.Client.GetGrain<IVolunteerGrain>(volunteer.Id);
        await Wait.Until(async () => (await priya.GetView())!.Reservations.Count == 0, "Priya's time to be hers again", 20);
        var bank = (await priya.GetTimeBank(null, 1))!;
        Assert.Equal((2.5, 1), (bank.HoursTotal, bank.Jobs));
    }

    [Fact]
    public async Task Replacing_a_volunteer_while_their_store_is_down_keeps_the_new_one_and_frees_the_old_one_once_it_is_back()
    {
        var domain = new Domain(Cluster.Client);
        var (_, first, second, request, grain) = await domain.HubWithRequest("Priya", "Tom");
        var withPriya = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, first.Id))).Value!;

        // Only Priya's store is down: Tom's reservation is kept, her release is what fails.
        var tom = Cluster.Client.GetGrain<IVolunteerGrain>(second.Id);
        Store.FailingStates = new HashSet<string> { "volunteer" };
        var priya = Cluster.Client.GetGrain<IVolunteerGrain>(first.Id);
        Store.OnlyGrains = new HashSet<GrainId> { priya.GetGrainId() };
        Store.FailWrites = true;
        var withTom = await grain.Assign(new AssignCommand(withPriya.Version, Domain.Sam, second.Id));
        Store.FailWrites = false;

        Assert.True(withTom.IsOk, withTom.Message);
        Assert.True(Store.FailedWrites > 0);
        Assert.Equal(second.Id, withTom.Value!.Assignment!.VolunteerId);
        await Wait.Until(async () => (await priya.GetView())!.Reservations.Count == 0, "Priya's time to be hers again", 20);
        Assert.Contains((await tom.GetView())!.Reservations, r => r.RequestId == request.Id);
    }
}
