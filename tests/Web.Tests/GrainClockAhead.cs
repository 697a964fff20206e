namespace MutualAid.Web.Tests;

/// <summary>
/// The co-hosted silo's grain clock on real time, but movable ahead: a test reaches a day weeks away
/// (a token's expiry) while timers, the live-connection sweep and the web's own clock keep real time.
/// </summary>
public sealed class GrainClockAhead : TimeProvider
{
    private long aheadTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref aheadTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref aheadTicks));

    /// <summary>An app whose grains read <paramref name="clock"/> (Orleans' own clocks stay real).</summary>
    public static WebAppFactory App(GrainClockAhead clock, IReadOnlyDictionary<string, string>? settings = null) =>
        new(settings, services => services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Grains, clock));
}
