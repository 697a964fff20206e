namespace MutualAid.Grains.Tests.Hubs;

/// <summary>What a shift handover asks a hub: the requests changed since the shift began, from the board's own marks.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChangedSinceTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task The_requests_changed_since_come_oldest_change_first_open_or_closed_and_the_stored_board_keeps_no_second_list()
    {
        var hub = await domain.NewHub();
        var before = await domain.NewRequest(hub);
        await Task.Delay(20);
        var since = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        var closedLater = await domain.NewRequest(hub);
        var open = await domain.NewRequest(hub);
        Assert.True((await domain.RequestGrain(closedLater.Id).Cancel(new RequestCommand(closedLater.Version, Domain.Sam, "sorted"))).IsOk);
        await domain.WaitForBoard(hub, b => b.Counts.Count(RequestStatus.Cancelled) == 1 && b.Requests.Count == 2);

        Assert.Equal([open.Id, closedLater.Id], await domain.Hub(hub).ChangedSince(since));
        Assert.Equal([before.Id, open.Id, closedLater.Id], await domain.Hub(hub).ChangedSince(since - TimeSpan.FromMinutes(1)));

        // The stored board is the whole one with its logged rows (HubBoardLog), as an activation reads it.
        // The board answers from memory while its group commit may still be writing the last batch.
        HubState? stored = null;
        await Wait.Until(async () => (stored = await Stored()).Marks.Count == 3, () => $"three marks stored ({stored?.Marks.Count})");
        Assert.Empty(stored!.RecentlyChanged);

        async Task<HubState> Stored()
        {
            var whole = (await fixture.Cluster.Stored<HubState>("hub", domain.Hub(hub).GetGrainId())).State!;
            BoardRows.Replay(whole, (await fixture.Cluster.Stored<HubBoardLog>("hub-log", domain.Hub(hub).GetGrainId())).State!);
            return whole;
        }
    }
}
