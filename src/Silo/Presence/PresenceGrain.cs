using MutualAid.Presence;

namespace MutualAid.Silo.Presence;

/// <summary>
/// Volatile by design: presence is only true while people are looking, so it is not persisted;
/// after a silo failover viewers re-announce themselves with their next heartbeat. Boards learn
/// who is there from the snapshot each heartbeat answers, so nothing is pushed.
/// </summary>
public sealed class PresenceGrain([FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IPresenceGrain
{
    private readonly Dictionary<string, Viewer> viewers = new(StringComparer.Ordinal);
    private long version;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var sweep = IPresenceGrain.Expiry / 3;
        this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions(sweep, sweep) { Interleave = false });
        return base.OnActivateAsync(cancellationToken);
    }

    public Task<PresenceSnapshot> Heartbeat(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (string.IsNullOrWhiteSpace(viewer.ViewerId)) throw new ArgumentException("A viewer needs an id.", nameof(viewer));
        var expired = Expire();
        var stamped = viewer with { LastSeen = clock.GetUtcNow() };
        var changed = !viewers.TryGetValue(viewer.ViewerId, out var known)
            || known.Dispatching != viewer.Dispatching || known.DisplayName != viewer.DisplayName;
        viewers[viewer.ViewerId] = stamped;
        if (changed || expired) version++;
        return Task.FromResult(Snapshot());
    }

    public Task Leave(string viewerId)
    {
        if (viewers.Remove(viewerId)) version++;
        return Task.CompletedTask;
    }

    public Task<PresenceSnapshot> GetSnapshot()
    {
        if (Expire()) version++;
        return Task.FromResult(Snapshot());
    }

    private Task Sweep()
    {
        if (Expire()) version++;
        if (viewers.Count == 0) DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>Drops viewers whose heartbeats stopped; true when anyone left.</summary>
    private bool Expire()
    {
        var cutoff = clock.GetUtcNow() - IPresenceGrain.Expiry;
        var gone = viewers.Values.Where(v => v.LastSeen < cutoff).Select(v => v.ViewerId).ToList();
        foreach (var id in gone) viewers.Remove(id);
        return gone.Count > 0;
    }

    private PresenceSnapshot Snapshot() => new(
        this.GetPrimaryKeyString(), version,
        viewers.Values.OrderBy(v => v.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.ViewerId, StringComparer.Ordinal).ToArray());
}
