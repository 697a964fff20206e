namespace MutualAid.Grains.Tests.Requests;

[Collection(ClusterCollection.Name)]
public sealed class ConcurrentDispatchTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Fifty_dispatchers_racing_over_twenty_requests_never_double_assign_or_overload()
    {
        const int dispatchers = 50, requestCount = 20, volunteerCount = 9, perVolunteer = 3;
        var hub = await domain.NewHub();
        var volunteers = new List<VolunteerView>();
        for (var i = 0; i < volunteerCount; i++) volunteers.Add(await domain.NewVolunteer(hub, $"V{i}", maxAssignments: perVolunteer, maxHours: 40));
        var requests = new List<RequestView>();
        for (var i = 0; i < requestCount; i++) requests.Add(await domain.NewRequest(hub));

        var outcomes = new ConcurrentBag<(Guid Request, Result<RequestView> Result)>();
        using var start = new SemaphoreSlim(0, dispatchers);
        // Everyone opens the first request and sees the same version before anyone assigns it, so the race
        // happens however the scheduler runs the tasks (on a busy machine they could otherwise take turns).
        var seenFirst = 0;
        var allSeeFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, dispatchers).Select(d => Task.Run(async () =>
        {
            var random = new Random(d);
            await start.WaitAsync();
            foreach (var request in requests.Skip(1).OrderBy(_ => random.Next()).Prepend(requests[0]))
            {
                var grain = domain.RequestGrain(request.Id);
                // A dispatcher acts on what their screen showed; several see the same version at once.
                var seen = (await grain.GetView())!;
                if (request == requests[0])
                {
                    if (Interlocked.Increment(ref seenFirst) == dispatchers) allSeeFirst.SetResult();
                    await allSeeFirst.Task;
                }

                while (seen.Assignment is null)
                {
                    var pick = volunteers[random.Next(volunteers.Count)];
                    var result = await grain.Assign(new AssignCommand(seen.Version, new Actor($"d{d}", $"Dispatcher {d}"), pick.Id));
                    outcomes.Add((request.Id, result));
                    if (result.Status != ResultStatus.Refused) break;
                    seen = (await grain.GetView())!; // volunteer full: look again and pick someone else
                }
            }
        })).ToArray();
        start.Release(dispatchers);
        await Task.WhenAll(tasks);

        // Exactly one winner per request, and every loser was told why.
        var wins = outcomes.Where(o => o.Result.IsOk).ToList();
        Assert.Equal(requestCount, wins.Count);
        Assert.Equal(requestCount, wins.Select(w => w.Request).Distinct().Count());
        var losers = outcomes.Where(o => !o.Result.IsOk).ToList();
        Assert.True(losers.Count(l => l.Request == requests[0].Id && l.Result.Status == ResultStatus.Conflict) >= dispatchers - 1 - perVolunteer,
            "all but one of those who saw the first request's same version lost it (a few may be told their pick is full)");
        Assert.All(losers, l => Assert.Contains(l.Result.Status, new[] { ResultStatus.Conflict, ResultStatus.Refused }));
        Assert.All(losers.Where(l => l.Result.Status == ResultStatus.Conflict), l =>
        {
            Assert.NotNull(l.Result.Conflict);
            Assert.StartsWith("Dispatcher ", l.Result.Message);
            Assert.Contains("assigned this to V", l.Result.Message);
        });
        Assert.All(losers.Where(l => l.Result.Status == ResultStatus.Refused), l => Assert.Contains($"of {perVolunteer} assignments", l.Result.Message));

        // Requests and volunteers agree, and nobody is over their limit.
        var assignedTo = new Dictionary<Guid, Guid>();
        foreach (var request in requests)
        {
            var view = (await domain.RequestGrain(request.Id).GetView())!;
            Assert.Equal(RequestStatus.Assigned, view.Status);
            Assert.Empty(view.PastAssignments);
            Assert.Single((await domain.RequestGrain(request.Id).GetAudit()), a => a.Action.StartsWith("assigned", StringComparison.Ordinal));
            assignedTo[request.Id] = view.Assignment!.VolunteerId;
        }

        var held = 0;
        foreach (var volunteer in volunteers)
        {
            var view = (await fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id).GetView())!;
            Assert.InRange(view.Reservations.Count, 0, perVolunteer);
            Assert.All(view.Reservations, r => Assert.Equal(volunteer.Id, assignedTo[r.RequestId]));
            held += view.Reservations.Count;
        }

        Assert.Equal(requestCount, held);
    }
}
