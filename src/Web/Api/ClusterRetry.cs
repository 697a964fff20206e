using Polly;
using Polly.Retry;

namespace MutualAid.Web.Api;

/// <summary>
/// Rides over a silo failing: while the cluster notices the dead silo and reactivates its grains
/// elsewhere (seconds), calls fail with transient Orleans errors. Commands here are safe to repeat
/// (creates carry their id, changes carry the version they expect), so a retry never doubles one.
/// </summary>
public static class ClusterRetry
{
    public static ResiliencePipeline Pipeline { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<OrleansException>().Handle<TimeoutException>().Handle<OperationCanceledException>(),
            MaxRetryAttempts = 8,
            Delay = TimeSpan.FromMilliseconds(250),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(4),
            UseJitter = true,
        })
        .AddTimeout(TimeSpan.FromSeconds(45))
        .Build();

    public static bool IsTransient(Exception ex) => ex is OrleansException or TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException;
}
