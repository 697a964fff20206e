using Microsoft.Extensions.Logging;

namespace MutualAid.Silo.Neighbourhoods;

/// <summary>
/// At-least-once delivery of an entity's notices to hub boards. A notice is a call the entity
/// does not wait for: the hub answers once the board has written it, and the entity watches that
/// answer off its own path. If the board could not keep it (its write failed, its silo died), the
/// entity announces its current state to that hub again after a pause, backing off while the hub
/// is unwell. The hub never calls entities, so the watch adds no cycle.
/// </summary>
internal sealed partial class HubDelivery(IGrainBase owner, ILogger logger)
{
    internal static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    private readonly HashSet<string> undelivered = new(StringComparer.Ordinal);
    private Func<string, Task>? send;
    private IGrainTimer? timer;
    private TimeSpan wait = TimeSpan.Zero;

    /// <summary>
    /// Sends the current state to each hub with <paramref name="sendTo"/> (whose task completes when
    /// that board has kept it) and keeps sending until every one has.
    /// </summary>
    public void Announce(IEnumerable<string> hubs, Func<string, Task> sendTo)
    {
        ArgumentNullException.ThrowIfNull(hubs);
        send = sendTo ?? throw new ArgumentNullException(nameof(sendTo));
        foreach (var hub in hubs)
        {
            undelivered.Remove(hub); // a fresh notice carries the latest state anyway
            _ = Watch(hub, sendTo(hub));
        }
    }

    private async Task Watch(string hub, Task delivery)
    {
        try
        {
            await delivery;
            if (undelivered.Count == 0) wait = TimeSpan.Zero;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUndelivered(logger, Common.LogSafe.Bound(hub), ex);
            undelivered.Add(hub);
            wait = wait == TimeSpan.Zero ? FirstRetry : wait * 2 > LongestWait ? LongestWait : wait * 2;
            timer ??= owner.RegisterGrainTimer(Retry, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
            timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private Task Retry(CancellationToken cancellation)
    {
        if (send is null || undelivered.Count == 0) return Task.CompletedTask;
        var hubs = undelivered.ToArray();
        undelivered.Clear();
        foreach (var hub in hubs)
        {
            LogAnnouncingAgain(logger, hub);
            _ = Watch(hub, send(hub));
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub {Hub} did not keep a change; it will be announced again")]
    private static partial void LogUndelivered(ILogger logger, string hub, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announcing again to hub {Hub}")]
    private static partial void LogAnnouncingAgain(ILogger logger, string hub);
}
