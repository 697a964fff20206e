namespace MutualAid.Grains.Tests.Board;

/// <summary>The board's "fulfilled today" is a count for the hub's local day: it starts again the next day.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class FulfilledTodayTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Fulfilments_count_for_the_day_they_were_made_and_the_next_day_starts_at_none()
    {
        var (hub, v, request, _) = await domain.HubWithRequest("Rosa");
        await domain.Deliver(request, v.Id);
        await domain.WaitForBoard(hub, b => b.Counts.FulfilledToday == 1);

        var second = await domain.NewRequest(hub);
        await domain.Deliver(second, v.Id);
        await domain.WaitForBoard(hub, b => b.Counts.FulfilledToday == 2);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await domain.Hub(hub).GetSnapshot()).Counts.FulfilledToday);

        var third = await domain.NewRequest(hub);
        await domain.Deliver(third, v.Id);
        await domain.WaitForBoard(hub, b => b.Counts.FulfilledToday == 1);
    }
}
