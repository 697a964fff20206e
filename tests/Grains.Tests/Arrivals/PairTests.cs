namespace MutualAid.Grains.Tests.Arrivals;

/// <summary>Two-volunteer requests: assigned only with both, never three, never one person twice.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PairTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private async Task<(string Hub, RequestView Request, IRequestGrain Grain)> Pair()
    {
        var hub = await domain.NewHub();
        var grain = domain.RequestGrain(Guid.NewGuid());
        var created = await grain.Create(Domain.Request(hub, phone: Domain.UniquePhone()) with { NeedsTwo = true });
        Assert.True(created.IsOk, created.Message);
        return (hub, created.Value!, grain);
    }

    [Fact]
    public async Task A_two_volunteer_request_is_assigned_only_with_both_and_each_sees_the_address_once_they_accept()
    {
        var (hub, request, grain) = await Pair();
        var (priya, tom, ana) = (await domain.NewVolunteer(hub, "Priya"), await domain.NewVolunteer(hub, "Tom"), await domain.NewVolunteer(hub, "Ana"));

        var one = await grain.Assign(new AssignCommand(request.Version, Domain.Sam, priya.Id));
        Assert.True(one.IsOk, one.Message);
        Assert.NotEqual(RequestStatus.Assigned, one.Value!.Status);
        Assert.Equal(1, one.Value.Redact().Held); // "1 of 2" on the board
        Assert.Null(await grain.ContactForVolunteer(priya.Id)); // no address until the pair is complete
        Assert.Equal(MutualAid.Common.Reason.AlreadyAssigned, (await grain.Assign(new AssignCommand(one.Value.Version, Domain.Sam, priya.Id))).Reason);

        var both = await grain.Assign(new AssignCommand(one.Value.Version, Domain.Sam, tom.Id));
        Assert.True(both.IsOk, both.Message);
        Assert.Equal(RequestStatus.Assigned, both.Value!.Status);
        Assert.Equal([priya.Id, tom.Id], both.Value.Assignees.Select(a => a.VolunteerId));
        Assert.Null(await grain.ContactForVolunteer(priya.Id)); // both offered: no address until each accepts their place
        Assert.Null(await grain.ContactForVolunteer(tom.Id));
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id && r.Held == 2 && r.PartnerVolunteerName == "Tom"));

        var third = await grain.Assign(new AssignCommand(both.Value.Version, Domain.Sam, ana.Id));
        Assert.Equal(MutualAid.Common.Reason.PairIsFull, third.Reason);
        var swapped = await grain.Assign(new AssignCommand(both.Value.Version, Domain.Sam, ana.Id) { Replacing = tom.Id });
        Assert.True(swapped.IsOk, swapped.Message);
        Assert.Equal([priya.Id, ana.Id], swapped.Value!.Assignees.Select(a => a.VolunteerId));
        Assert.Empty((await fixture.Grains.GetGrain<IVolunteerGrain>(tom.Id).GetView())!.Reservations);

        // The partner accepts their own place, and leaving the pair puts the job back to waiting for one.
        var accepted = await grain.Accept(new RequestCommand(swapped.Value.Version, new Actor("ana-user", "Ana")) { AsVolunteer = ana.Id });
        Assert.True(accepted.IsOk, accepted.Message);
        Assert.Equal(AssignmentState.Accepted, accepted.Value!.Partner!.State);
        Assert.Equal(AssignmentState.Offered, accepted.Value.Assignment!.State);
        Assert.NotNull(await grain.ContactForVolunteer(ana.Id)); // each by their own place
        Assert.Null(await grain.ContactForVolunteer(priya.Id));
        var declined = await grain.Decline(new RequestCommand(accepted.Value.Version, new Actor("priya-user", "Priya")) { AsVolunteer = priya.Id });
        Assert.True(declined.IsOk, declined.Message);
        Assert.Equal(RequestStatus.Triaged, declined.Value!.Status);
        Assert.Equal([ana.Id], declined.Value.Assignees.Select(a => a.VolunteerId));
    }

    [Fact]
    public async Task Dispatchers_racing_over_a_pair_never_put_three_on_it_nor_anyone_on_it_twice()
    {
        const int dispatchers = 12;
        var (hub, request, grain) = await Pair();
        var volunteers = new List<VolunteerView>();
        for (var i = 0; i < 5; i++) volunteers.Add(await domain.NewVolunteer(hub, $"V{i}"));

        using var start = new SemaphoreSlim(0, dispatchers);
        var tasks = Enumerable.Range(0, dispatchers).Select(d => Task.Run(async () =>
        {
            await start.WaitAsync();
            var random = new Random(d);
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var seen = (await grain.GetView())!;
                await grain.Assign(new AssignCommand(seen.Version, new Actor($"d{d}", $"Dispatcher {d}"), volunteers[random.Next(volunteers.Count)].Id));
            }
        })).ToArray();
        start.Release(dispatchers);
        await Task.WhenAll(tasks);

        var view = (await grain.GetView())!;
        Assert.Equal(2, view.Assignees.Count);
        Assert.Equal(2, view.Assignees.Select(a => a.VolunteerId).Distinct().Count());
        Assert.Equal(RequestStatus.Assigned, view.Status);
        foreach (var volunteer in volunteers)
        {
            var reservations = (await fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id).GetView())!.Reservations;
            Assert.Equal(view.HeldBy(volunteer.Id) is null ? 0 : 1, reservations.Count(r => r.RequestId == request.Id));
        }
    }
}
