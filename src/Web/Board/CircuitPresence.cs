using MutualAid.Presence;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Board;

/// <summary>
/// This circuit's (one browser tab's) place in the boards' presence. Heartbeats stop and the tab
/// leaves at once when its connection drops (<see cref="PresenceCircuitHandler"/>): a Blazor
/// circuit outlives its socket for minutes, waiting for a reconnect, and must not look present
/// meanwhile. A reconnect announces the tab again. The grain's expiry stays the backstop for a
/// web process that dies without saying so.
/// </summary>
public sealed class CircuitPresence(IGrainFactory grains, CurrentUser user, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Guid?> boards = new(StringComparer.Ordinal);
    private bool connected = true;

    /// <summary>Announces (or refreshes) this tab on a hub's board; null while the tab's connection is down.</summary>
    public async Task<PresenceSnapshot?> Beat(string hub, Guid? dispatching)
    {
        lock (gate)
        {
            boards[hub] = dispatching;
            if (!connected) return null;
        }

        return await grains.GetGrain<IPresenceGrain>(hub).Heartbeat(new Viewer(user.ViewerId, user.Actor.UserId, user.Actor.DisplayName, dispatching, clock.GetUtcNow()));
    }

    /// <summary>The tab no longer shows the hub's board.</summary>
    public async Task Leave(string hub)
    {
        lock (gate) boards.Remove(hub);
        await grains.GetGrain<IPresenceGrain>(hub).Leave(user.ViewerId);
    }

    /// <summary>The socket went away (tab closed, laptop shut, network lost): off every board now.</summary>
    public async Task ConnectionDown()
    {
        string[] hubs;
        lock (gate)
        {
            connected = false;
            hubs = [.. boards.Keys];
        }

        await Task.WhenAll(hubs.Select(hub => grains.GetGrain<IPresenceGrain>(hub).Leave(user.ViewerId)));
    }

    /// <summary>The same tab reconnected: back on the boards it shows, without waiting for the next beat.</summary>
    public async Task ConnectionUp()
    {
        KeyValuePair<string, Guid?>[] shown;
        lock (gate)
        {
            connected = true;
            shown = [.. boards];
        }

        var now = clock.GetUtcNow();
        await Task.WhenAll(shown.Select(b => grains.GetGrain<IPresenceGrain>(b.Key).Heartbeat(new Viewer(user.ViewerId, user.Actor.UserId, user.Actor.DisplayName, b.Value, now))));
    }
}
