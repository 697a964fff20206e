using Microsoft.Extensions.Logging;
using MutualAid.Presence;
using Orleans.Utilities;

namespace MutualAid.Silo.Presence;

/// <summary>
/// Volatile by design: presence is only true while people are looking, so it is not persisted;
/// after a silo failover viewers re-announce themselves with their next heartbeat.
/// </summary>
public sealed class PresenceGrain(TimeProvider clock, ILogger<PresenceGrain> logger) : Grain, IPresenceGrain
{
    private readonly Dictionary<string, Viewer> viewers = new(StringComparer.Ordinal);
    private readonly ObserverManager<IPresenceObserver> observers = new(TimeSpan.FromMinutes(3), logger);
    private long version;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var sweep = IPresenceGrain.Expiry / 3;
        this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions(sweep, sweep) { Interleave = false });
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<PresenceSnapshot> Heartbeat(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (string.IsNullOrWhiteSpace(viewer.ViewerId)) throw new ArgumentException("A viewer needs an id.", nameof(viewer));
        var expired = Expire();
        var stamped = viewer with { LastSeen = clock.GetUtcNow() };
        var changed = !viewers.TryGetValue(viewer.ViewerId, out var known)
            || known.Dispatching != viewer.Dispatching || known.DisplayName != viewer.DisplayName;
        viewers[viewer.ViewerId] = stamped;
        if (changed || expired) await Publish();
        return Snapshot();
    }

    public async Task Leave(string viewerId)
    {
        if (viewers.Remove(viewerId)) await Publish();
    }

    public async Task<PresenceSnapshot> GetSnapshot()
    {
        if (Expire()) await Publish();
        return Snapshot();
    }

    public Task<PresenceSnapshot> Subscribe(IPresenceObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.FromResult(Snapshot());
    }

    public Task Unsubscribe(IPresenceObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task Sweep()
    {
        if (Expire()) await Publish();
        if (viewers.Count == 0 && observers.Count == 0) DeactivateOnIdle();
    }

    /// <summary>Drops viewers whose heartbeats stopped; true when anyone left.</summary>
    private bool Expire()
    {
        var cutoff = clock.GetUtcNow() - IPresenceGrain.Expiry;
        var gone = viewers.Values.Where(v => v.LastSeen < cutoff).Select(v => v.ViewerId).ToList();
        foreach (var id in gone) viewers.Remove(id);
        return gone.Count > 0;
    }

    private async Task Publish()
    {
        version++;
        var snapshot = Snapshot();
        await observers.Notify(o => o.OnPresenceChanged(snapshot));
    }

    private PresenceSnapshot Snapshot() => new(
        this.GetPrimaryKeyString(), version,
        viewers.Values.OrderBy(v => v.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.ViewerId, StringComparer.Ordinal).ToArray());
}
