using System.Collections.Concurrent;
using MutualAid.Presence;

namespace MutualAid.Grains.Tests.Presence;

/// <summary>Presence expires by the clock, so these run on their own one-silo cluster with a fake clock.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class PresenceTests(FakeClockClusterFixture fixture)
{
    [Fact]
    public async Task Viewers_and_dispatch_marks_are_shared_and_expire_when_heartbeats_stop()
    {
        var clock = fixture.Clock;
        var hub = fixture.Grains.GetGrain<IPresenceGrain>("presence-hub");
        var observer = new Recorder();
        await hub.Subscribe(fixture.Cluster.Client.CreateObjectReference<IPresenceObserver>(observer));
        var request = Guid.NewGuid();

        await hub.Heartbeat(new Viewer("tab-sam", "sam", "Sam", null, default));
        var snapshot = await hub.Heartbeat(new Viewer("tab-ana", "ana", "Ana", request, default));

        Assert.Equal(["Ana", "Sam"], snapshot.People);
        Assert.Equal("Ana", Assert.Single(snapshot.DispatchersOf(request, exceptViewerId: "tab-sam")).DisplayName);
        Assert.Empty(snapshot.DispatchersOf(request, exceptViewerId: "tab-ana"));

        clock.Advance(TimeSpan.FromSeconds(20));
        await hub.Heartbeat(new Viewer("tab-sam", "sam", "Sam", null, default));
        clock.Advance(TimeSpan.FromSeconds(15)); // Ana's tab went quiet 35 s ago: gone, and her mark with it
        snapshot = await hub.GetSnapshot();
        Assert.Equal(["Sam"], snapshot.People);
        Assert.Empty(snapshot.DispatchersOf(request));

        await hub.Leave("tab-sam");
        Assert.Empty((await hub.GetSnapshot()).Viewers);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (observer.Seen.LastOrDefault()?.Viewers.Count != 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal([1, 2, 1, 0], observer.Seen.OrderBy(s => s.Version).Select(s => s.Viewers.Count));
    }

    private sealed class Recorder : IPresenceObserver
    {
        public ConcurrentQueue<PresenceSnapshot> Seen { get; } = new();

        public Task OnPresenceChanged(PresenceSnapshot presence)
        {
            Seen.Enqueue(presence);
            return Task.CompletedTask;
        }
    }
}
