namespace MutualAid.Silo.Hosting;

/// <summary>
/// How fast a cluster gives up on a dead silo, chosen together with how long the web tier keeps
/// retrying (ClusterRetry) so that retries always outlast it; deploy/README.md explains the numbers.
/// A dead silo's grains cannot move until membership declares it dead, and until then every call
/// to them fails: a retry budget shorter than that turns a survivable failover into errors.
/// </summary>
public static class FailoverTiming
{
    /// <summary>
    /// How often silos probe each other, and how long a probe may take. Orleans' default is 5 s;
    /// shorter finds a dead silo sooner, but a silo starved of CPU (garbage collection, a noisy
    /// neighbour) must not be declared dead while alive, so not shorter than this. Orleans also
    /// stretches it while the prober itself is unhealthy.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Missed probes before a silo is suspected (Orleans' default).</summary>
    public const int MissedProbesLimit = 3;

    /// <summary>
    /// Worst case from a silo's death to its declaration: the missed probes, up to one probe period
    /// before the first one goes out, and a moment to write the verdict to the membership table.
    /// </summary>
    public static TimeSpan DeathDeclaredWithin => (ProbeTimeout * (MissedProbesLimit + 1)) + TimeSpan.FromSeconds(2);

    public static ISiloBuilder UseFailoverTiming(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = ProbeTimeout;
            o.NumMissedProbesLimit = MissedProbesLimit;
        });
        return silo;
    }
}
