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
}
