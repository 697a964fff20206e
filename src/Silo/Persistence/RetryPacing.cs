using System.Diagnostics;

namespace MutualAid.Silo.Persistence;

/// <summary>
/// When to try again a step after a kept write that failed (a hub registering with its region, a
/// region telling the network): after <c>first</c>, then doubling up to <c>longest</c>, so a
/// receiver that is down for long is not called every second by everything that owes it. Paced on
/// this process's own clock: the grains' clock may be a test's, standing still.
/// </summary>
internal sealed class RetryPacing(TimeSpan first, TimeSpan longest)
{
    private TimeSpan wait = TimeSpan.Zero;

    /// <summary>
    /// A hub telling its region, a region telling the network: first again after 2 s (two of their
    /// once-a-second ticks), then no more often than every 2 min while the receiver stays down.
    /// </summary>
    public static RetryPacing UpTheTree() => new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2));

    private long retryAt;

    /// <summary>How long the last failure holds the next try back (zero once a step was kept).</summary>
    public TimeSpan Wait => wait;

    /// <summary>Whether a try is due: always, unless the last one failed and its wait has not passed.</summary>
    public bool Due => Stopwatch.GetTimestamp() >= retryAt;

    /// <summary>The step was kept: the next one goes at once.</summary>
    public void Kept()
    {
        wait = TimeSpan.Zero;
        retryAt = 0;
    }

    /// <summary>The step failed: wait longer before the next try.</summary>
    public void Failed()
    {
        wait = wait == TimeSpan.Zero ? first : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, longest.Ticks));
        retryAt = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Something new to tell: try at once, keeping the wait reached should it fail again.</summary>
    public void Now() => retryAt = 0;
}
