using Polly;
using MutualAid.Silo.Hosting;
using Polly.Retry;

namespace MutualAid.Web.Hosting;

/// <summary>
/// Rides over a silo failing: while the cluster notices the dead silo and reactivates its grains
/// elsewhere (seconds), calls fail with transient Orleans errors. Commands here are safe to repeat
/// (creates carry their id, changes carry the version they expect), so a retry never doubles one.
/// The back-off adds up to about 32 s, more than twice the time membership may take to declare a silo dead
/// (<see cref="FailoverTiming.DeathDeclaredWithin"/>, 14 s), so the retries outlast the failover
/// with room for reactivation; the whole command is capped at 45 s. deploy/README.md has the numbers.
/// </summary>
public static class ClusterRetry
{
    public const int MaxRetryAttempts = 11;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(4);
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(45);

    public static ResiliencePipeline Pipeline { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<OrleansException>().Handle<TimeoutException>().Handle<OperationCanceledException>(),
            MaxRetryAttempts = MaxRetryAttempts,
            Delay = FirstDelay,
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = MaxDelay,
            UseJitter = true,
        })
        .AddTimeout(CommandTimeout)
        .Build();

    /// <summary>The waits between attempts added up, before jitter.</summary>
    public static TimeSpan TotalBackoff => Enumerable.Range(0, MaxRetryAttempts)
        .Aggregate(TimeSpan.Zero, (sum, attempt) => sum + TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << attempt, MaxDelay.Ticks)));

    public static bool IsTransient(Exception ex) => ex is OrleansException or TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException;
}
