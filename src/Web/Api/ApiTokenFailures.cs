using System.Threading.RateLimiting;

namespace MutualAid.Web.Api;

/// <summary>
/// Failed bearer attempts per client address. Only failures count: an integration polling with a
/// good token is never slowed, while someone trying tokens runs out of tries for the window. The
/// secret has 256 bits, so this is about load and noise in the logs, not about the odds of guessing.
/// </summary>
public sealed class ApiTokenFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public ApiTokenFailures(IConfiguration configuration)
    {
        var permits = configuration.GetValue("MutualAid:ApiTokenFailurePermits", 20);
        Window = TimeSpan.FromSeconds(configuration.GetValue("MutualAid:ApiTokenFailureWindowSeconds", 60));
        limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 }));
    }

    public TimeSpan Window { get; }

    /// <summary>True once this client has used up its failures for the window: its tokens, even good ones, are not looked up.</summary>
    public bool Exhausted(string client) => limiter.GetStatistics(client)?.CurrentAvailablePermits <= 0;

    public void Record(string client)
    {
        using var _ = limiter.AttemptAcquire(client);
    }

    public void Dispose() => limiter.Dispose();
}
