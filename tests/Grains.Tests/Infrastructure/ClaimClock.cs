using MutualAid.Silo.Requests;

namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>A claim's clock run out as its reminder would: warned nine minutes before it lapses (still held), then lapsed.</summary>
public static class ClaimClock
{
    public static async Task WarnThenLapse(this FakeClockClusterFixture fixture, IRequestGrain grain, Guid volunteer, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(grain);
        fixture.Clock.Advance(until - TimeSpan.FromMinutes(9) - fixture.Clock.GetUtcNow());
        await grain.CheckClaim();
        Assert.NotNull((await grain.GetView())!.HeldBy(volunteer)); // warned, not yet lapsed
        Assert.Contains($"{volunteer:N}@", (await fixture.Cluster.Stored<RequestState>("request", grain.GetGrainId())).State?.LapseWarnedFor ?? "", StringComparison.Ordinal);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await grain.CheckClaim();
    }
}
