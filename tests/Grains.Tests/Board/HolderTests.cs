namespace MutualAid.Grains.Tests.Board;

/// <summary>Issue 14, reliability 2: a board never shows one request held by two volunteers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HolderTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Through_reassignments_every_board_version_shows_each_request_under_exactly_the_volunteer_its_row_names()
    {
        var hub = await domain.NewHub();
        var priya = await domain.NewVolunteer(hub, "Priya");
        var tom = await domain.NewVolunteer(hub, "Tom");
        var request = await domain.NewRequest(hub);
        await domain.WaitForBoard(hub, b => b.Volunteers.Count == 2 && b.Requests.Any(r => r.Id == request.Id));

        var (observer, reference, initial) = await TestBoardObserver.Subscribe(fixture.Grains, hub);

        // The reassignment path: the new volunteer reserves before the request commits (its row rides on
        // the request's notice), and the old one is released after, with its own notice to the board.
        var grain = domain.RequestGrain(request.Id);
        var version = request.Version;
        for (var i = 0; i < 8; i++)
        {
            var to = i % 2 == 0 ? priya.Id : tom.Id;
            var result = await grain.Assign(new AssignCommand(version, Domain.Sam, to, 0.25));
            Assert.True(result.IsOk, result.Message);
            version = result.Value!.Version;
            // Each reassignment on the board before the next: the hub gathers changes that come while a
            // write is in flight into one version, and on a busy machine eight quick reassignments made
            // only three. The old volunteer's release still races the next reservation.
            var shown = version;
            await domain.WaitForBoard(hub, b => b.Requests.Single(r => r.Id == request.Id).Version >= shown);
        }

        var final = await domain.WaitForBoard(hub, b =>
            b.Requests.Single(r => r.Id == request.Id).AssignedVolunteerId == tom.Id
            && b.Volunteers.Single(v => v.Id == priya.Id).ActiveRequestIds.Count == 0
            && b.Volunteers.Single(v => v.Id == tom.Id).ActiveRequestIds.Contains(request.Id));
        // The released volunteer's own notice may land after the board first shows the end state (one
        // more version, nothing moved): wait until the board stops moving and the observer has it all.
        BoardSnapshot settled;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            settled = await domain.Hub(hub).GetSnapshot();
            await Task.Delay(200);
        }
        while (((await domain.Hub(hub).GetSnapshot()).Version != settled.Version || observer.Deltas.LastOrDefault()?.Version < settled.Version) && DateTime.UtcNow < deadline);

        var board = initial;
        var checkedVersions = 0;
        foreach (var delta in observer.Deltas.ToArray())
        {
            board = BoardApplier.Apply(board, delta) ?? throw new InvalidOperationException($"gap at {delta.Version}");
            foreach (var row in board.Requests)
            {
                var listedUnder = board.Volunteers.Where(v => v.ActiveRequestIds.Contains(row.Id)).Select(v => v.Name).ToArray();
                Assert.True(listedUnder.Length <= 1, $"v{board.Version}: request listed under {string.Join(" and ", listedUnder)}");
                var named = row.AssignedVolunteerId is { } id ? board.Volunteers.Single(v => v.Id == id).Name : null;
                Assert.Equal(named is null ? [] : [named], listedUnder);
                Assert.All(board.Volunteers, v => Assert.Equal(v.ActiveRequestIds.Count, v.ActiveAssignments));
            }

            checkedVersions++;
        }

        Assert.True(checkedVersions >= 8, $"only {checkedVersions} board versions were seen");
        Assert.True(board.Version >= final.Version, $"the observer stopped at v{board.Version}, before v{final.Version}");
        Assert.Equal(settled.Version, board.Version);
        await domain.Hub(hub).Unsubscribe(reference);
    }
}
