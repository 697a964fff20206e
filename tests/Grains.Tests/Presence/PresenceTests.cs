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
        var empty = await hub.GetSnapshot();
        Assert.Empty(empty.Viewers);
        Assert.Equal(4, empty.Version); // Sam came, Ana came, Ana expired, Sam left: each a change a board can tell apart
    }
}
