using Microsoft.Extensions.Logging;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// At-least-once delivery of an entity's notices to hub boards, across crashes. A notice is a call
/// the entity does not wait for: the hub answers once the board has written it, and the entity
/// watches that answer off its own path. If the board could not keep it (its write failed, its
/// silo died), the entity announces its current state to that hub again after a pause, backing off
/// while the hub is unwell.
/// That retry lives in memory; what outlives the process is a reminder the entity registers before
/// the write the notice will carry (<see cref="Arm"/>). If the process dies between that write and
/// the board's answer, the reminder wakes the entity after the restart, its activation announces
/// again, and once every board has kept the latest state the reminder is removed. The hub never
/// calls entities, so the watch adds no cycle.
/// </summary>
internal sealed partial class HubDelivery(IGrainBase owner, ILogger logger)
{
    internal static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    /// <summary>The reminder that stands for "a board may not have this entity's latest state yet".</summary>
    public const string ReminderName = "hub-notice";

    /// <summary>
    /// How soon after a restart an entity with an unconfirmed notice announces again (and how often an
    /// armed entity checks whether it can disarm). Short, because a board missing an acknowledged
    /// change is a request nobody sees; cheap, because an entity is armed only until its boards answer.
    /// </summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(3);

    private readonly HashSet<string> undelivered = new(StringComparer.Ordinal);
    private Hosting.KeyedGrains<MutualAid.Hubs.IHubGrain>? boards;
    private Func<string, Task>? send;
    private IGrainTimer? timer;
    private TimeSpan wait = TimeSpan.Zero;
    private int inFlight;
    private bool armed;

    /// <summary>
    /// Makes the coming notice durable: call before the state write it will carry. One reminder write
    /// per burst of changes, not per change: it stays registered while this activation has notices
    /// the boards have not confirmed.
    /// </summary>
    public async Task Arm()
    {
        if (armed) return;
        await owner.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        armed = true;
    }

    /// <summary>
    /// The reminder's tick. A fresh activation (after a crash) has already announced on activation;
    /// once every board has confirmed, the reminder goes. Runs as a grain turn, so no command arms
    /// in between.
    /// </summary>
    public async Task OnReminder()
    {
        if (inFlight > 0 || undelivered.Count > 0) return;
        armed = false;
        if (await owner.GetReminder(ReminderName) is { } reminder) await owner.UnregisterReminder(reminder);
    }

    /// <summary>The board of <paramref name="hub"/>, the reference made once per activation.</summary>
    public MutualAid.Hubs.IHubGrain Board(string hub) =>
        (boards ??= new(owner.GrainContext.ActivationServices.GetRequiredService<IGrainFactory>()))[hub];

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

    /// <summary>
    /// Leaves <paramref name="hub"/> owed instead of sending to it now: something else (the request
    /// that caused the change) carries this state there, and the ordinary re-send after
    /// <see cref="FirstRetry"/> makes sure it arrives even if that notice is lost. The hub already
    /// has that version by then and ignores it. Call right after <see cref="Announce"/> with the
    /// same sender.
    /// </summary>
    public void Owe(string hub)
    {
        if (send is null) throw new InvalidOperationException("Announce first: an owed notice is sent again with the announcing sender.");
        undelivered.Add(hub);
        timer ??= owner.RegisterGrainTimer(Retry, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        // The back-off in force if the hub is unwell, else the first retry: the carrier is given time to arrive.
        timer.Change(wait > FirstRetry ? wait : FirstRetry, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Hands each of <paramref name="targets"/> what a write just owed it, now, so the caller reads it
    /// current. One that fails is logged and <see cref="Owe">owed</see>, never thrown: the write is kept,
    /// and failing the command would invite a retry the grain must refuse. Each target leaves
    /// <paramref name="inHand"/> once tried, so announcements send to it again.
    /// </summary>
    public async Task HandNow(IReadOnlyList<string> targets, Func<string, Task> sendTo, ISet<string> inHand)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(sendTo);
        ArgumentNullException.ThrowIfNull(inHand);
        foreach (var target in targets)
        {
            try
            {
                await sendTo(target);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUndelivered(logger, Common.LogSafe.Bound(target), ex);
                Owe(target);
            }
            finally
            {
                inHand.Remove(target);
            }
        }
    }

    private async Task Watch(string hub, Task delivery)
    {
        inFlight++;
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
        finally
        {
            inFlight--;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Target} did not keep a change; it will be told again")]
    private static partial void LogUndelivered(ILogger logger, string target, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Announcing again to {Target}")]
    private static partial void LogAnnouncingAgain(ILogger logger, string target);
}
