using Microsoft.Extensions.Logging;
using MutualAid.Neighbourhoods;

namespace MutualAid.Silo.Neighbourhoods;

/// <summary>
/// At-least-once delivery of an entity's one-way notices to hub boards. After a change the entity
/// keeps working; a little later it asks each hub whether the board holds that version (a
/// read-only call on the hub, which never calls entities back, so no cycle) and announces again to
/// any that lost it, backing off while a hub is unwell. A board that missed a notice because its
/// write failed therefore converges within seconds, not at the entity's next activation.
/// </summary>
internal sealed partial class HubDelivery(IGrainBase owner, IGrainFactory grains, ILogger logger)
{
    internal static readonly TimeSpan FirstCheck = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    private IGrainTimer? timer;
    private TimeSpan wait = FirstCheck;
    private Func<IEnumerable<(string Hub, HeldEntry Entry)>>? expected;
    private Func<string, Task>? announce;

    /// <summary>
    /// A change was just announced. <paramref name="held"/> says, at check time, which hubs must hold
    /// which version; <paramref name="again"/> announces the current state to one hub.
    /// </summary>
    public void Announced(Func<IEnumerable<(string Hub, HeldEntry Entry)>> held, Func<string, Task> again)
    {
        expected = held;
        announce = again;
        wait = FirstCheck;
        timer ??= owner.RegisterGrainTimer(Check, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = false });
        timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private async Task Check(CancellationToken cancellation)
    {
        if (expected is null || announce is null) return;
        var missing = 0;
        foreach (var (hub, entry) in expected())
        {
            bool held;
            try
            {
                held = await grains.GetGrain<INeighbourhoodGrain>(hub).Holds(entry);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                LogUnanswered(logger, hub, ex);
                held = false;
            }

            if (held) continue;
            missing++;
            LogAnnouncingAgain(logger, hub, entry.Kind, entry.Id, entry.Version);
            await announce(hub);
        }

        if (missing == 0) return;
        wait = wait * 2 > LongestWait ? LongestWait : wait * 2;
        timer!.Change(wait, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub {Hub} did not hold {Kind} {Id} v{Version}; announcing it again")]
    private static partial void LogAnnouncingAgain(ILogger logger, string hub, HeldKind kind, Guid id, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub {Hub} did not answer whether it holds a change; will ask again")]
    private static partial void LogUnanswered(ILogger logger, string hub, Exception error);
}
