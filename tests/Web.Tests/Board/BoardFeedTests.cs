namespace MutualAid.Web.Tests.Board;

public sealed class BoardFeedTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Thousands_of_circuits_opening_and_closing_leave_no_watchers_and_one_subscription_per_hub()
    {
        var feed = app.Factory.Services.GetRequiredService<BoardFeed>();
        var hub = await Seed.Hub(app.Factory.Grains);
        var other = await Seed.Hub(app.Factory.Grains);
        var updates = 0;

        // Circuits come and go in overlapping waves, on two hubs.
        for (var wave = 0; wave < 40; wave++)
        {
            var watches = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
                feed.Watch(i % 5 == 0 ? other : hub, _ => { Interlocked.Increment(ref updates); return Task.CompletedTask; })));
            Assert.Equal(2, feed.OpenHubs.Count(h => h == hub || h == other));
            foreach (var watch in watches) await watch.DisposeAsync();
        }

        Assert.Equal(0, feed.WatcherCount);
        // One grain subscription per hub: the board's observer count on the grain side stays at one channel.
        Assert.Single(feed.OpenHubs, h => h == hub);

        await feed.CloseIfIdle(hub);
        await feed.CloseIfIdle(other);
        Assert.DoesNotContain(hub, feed.OpenHubs);
        Assert.DoesNotContain(other, feed.OpenHubs);

        // A new watcher after closing gets a live board again.
        await using var again = await feed.Watch(hub, _ => { Interlocked.Increment(ref updates); return Task.CompletedTask; });
        var request = await Seed.Request(app.Factory.Grains, hub);
        await Wait.Until(() => again.Board.Requests.Any(r => r.Id == request.Id), "the reopened channel delivers");
    }

    [Fact]
    public async Task Every_watcher_of_a_hub_holds_the_same_board_not_a_copy()
    {
        var feed = app.Factory.Services.GetRequiredService<BoardFeed>();
        var hub = await Seed.Hub(app.Factory.Grains);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<(int Watcher, BoardUpdate Update)>();
        await using var first = await feed.Watch(hub, u => { seen.Enqueue((1, u)); return Task.CompletedTask; });
        await using var second = await feed.Watch(hub, u => { seen.Enqueue((2, u)); return Task.CompletedTask; });
        Assert.Same(first.Board, second.Board);

        var request = await Seed.Request(app.Factory.Grains, hub);
        await Wait.Until(() => seen.Any(s => s.Watcher == 1 && s.Update.Board.Requests.Any(r => r.Id == request.Id))
            && seen.Any(s => s.Watcher == 2 && s.Update.Board.Requests.Any(r => r.Id == request.Id)), "both watchers hear of the request");

        // The process applies each delta once and hands every circuit the same immutable board.
        var version = seen.Where(s => s.Update.Board.Requests.Any(r => r.Id == request.Id)).Min(s => s.Update.Board.Version);
        var boards = seen.Where(s => s.Update.Board.Version == version).Select(s => s.Update.Board).ToList();
        Assert.Equal(2, boards.Count);
        Assert.Same(boards[0], boards[1]);
        Assert.Same(first.Board, second.Board);
    }
}
