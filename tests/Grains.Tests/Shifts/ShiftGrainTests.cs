using MutualAid.Shifts;

namespace MutualAid.Grains.Tests.Shifts;

/// <summary>An organiser's shift: started, lengthened, ended, and kept for the week's count.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class ShiftGrainTests(FakeClockClusterFixture fixture)
{
    private IShiftGrain Shift() => fixture.Grains.GetGrain<IShiftGrain>($"o{Guid.NewGuid():N}@example.org");

    [Fact]
    public async Task Saying_longer_mid_shift_keeps_when_they_came_on_and_ending_keeps_the_shift_for_the_week()
    {
        var grain = Shift();
        var started = await grain.Start("hub-a", 4);
        var at = started.Value!.Current!.StartedAt;
        fixture.Clock.Advance(TimeSpan.FromHours(3));

        var longer = await grain.Start("hub-a", 6);
        fixture.Clock.Advance(TimeSpan.FromHours(4));
        var overdue = longer.Value!.Current!.Overdue(fixture.Clock.GetUtcNow());
        var ended = await grain.Finish();

        Assert.Equal(at, longer.Value.Current.StartedAt);
        Assert.Equal(6, longer.Value.Current.PlannedHours);
        Assert.True(overdue); // seven hours on, six planned
        Assert.Null(ended.Value!.Current);
        Assert.Equal(TimeSpan.FromHours(7), Assert.Single(ended.Value.Recent).Length(fixture.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_shift_must_be_planned_for_a_sensible_length()
    {
        var grain = Shift();

        Assert.Equal(Reason.ShiftLengthRange, (await grain.Start("hub-a", 0)).Errors.Single().Reason);
        Assert.Equal(Reason.ShiftLengthRange, (await grain.Start("hub-a", 30)).Errors.Single().Reason);
        Assert.Null((await grain.GetShift()).Current);
    }
}
