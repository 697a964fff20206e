using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using MutualAid.Board;
using MutualAid.Hubs;

namespace MutualAid.Web.Board;

/// <summary>
/// This web process's single subscription to one hub's board. Deltas from the grain are put back
/// in version order, applied to a local copy of the board, and fanned out in-process to every
/// circuit watching and to the SignalR group of the hub. Everything that changes the board runs on
/// one loop, so circuits and SignalR clients see the same deltas in the same order. The deltas that
/// arrive while a send is in flight go out together as one merged delta (<see cref="BoardApplier.Merge"/>):
/// at a trickle each delta is its own message, and a busy hub costs every connection one message
/// per send rather than one per version (docs/benchmarks.md, issue 18).
/// </summary>
internal sealed partial class BoardChannel : IBoardObserver, IAsyncDisposable
{
    /// <summary>How long an out-of-order delta may wait for its predecessor before we call it a gap.</summary>
    internal static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The least time from one send to the next. Deltas that arrive sooner wait and go with the next
    /// send, merged: a busy hub costs each connection (and each circuit's re-render, and every phone on
    /// a bad link) at most 20 messages a second however fast the hub writes, and a change waits at
    /// most this long, below what a person sees; at a trickle nothing waits. Without it, a hub whose
    /// write got faster sent 2.5 times the messages per command, and its 100 watchers' receiving cost
    /// more than the commands; 50 ms rather than 20 sends a third of the messages under full load and
    /// did a third more commands a second, for about 25 ms more at the board's p99 (docs/benchmarks.md, issue 18).
    /// </summary>
    internal static readonly TimeSpan MinimumSendInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Re-subscribe well inside the grain's observer expiry, and to notice a restarted hub grain.</summary>
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    private readonly IGrainFactory grains;
    private readonly IHubContext<BoardHub> signalR;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly Channel<Func<Task>> work = Channel.CreateUnbounded<Func<Task>>(new() { SingleReader = true });
    private readonly System.Collections.Concurrent.ConcurrentQueue<(BoardDelta Delta, System.Diagnostics.ActivityContext Cause)> arrived = new();
    private readonly Lock watchersGate = new();
    // Copied on add and remove, not on every delta: a board with 1,000 connections would otherwise
    // copy 1,000 references for each change it fans out.
    private Func<BoardUpdate, Task>[] watchers = [];
    private readonly Task loop;
    private readonly CancellationTokenSource stop = new();
    private ITimer? refreshTimer;
    private ITimer? gapTimer;
    private IBoardObserver? reference;
    private readonly DeltaSequencer sequencer = new(0);
    private long lastSendBegan;

    public BoardChannel(string slug, IGrainFactory grains, IHubContext<BoardHub> signalR, TimeProvider clock, ILogger logger)
    {
        Slug = slug;
        this.grains = grains;
        this.signalR = signalR;
        this.clock = clock;
        this.logger = logger;
        loop = Task.Run(RunLoop);
    }

    public string Slug { get; }

    public BoardSnapshot? Board { get; private set; }

    /// <summary>Number of board watchers (circuits and SignalR connections) attached now.</summary>
    public int Watchers
    {
        get
        {
            return Volatile.Read(ref watchers).Length;
        }
    }

    /// <summary>Subscribes to the grain and loads the board; safe to call again to re-subscribe.</summary>
    public async Task Start()
    {
        reference ??= grains.CreateObjectReference<IBoardObserver>(this);
        // On the loop, so deltas that arrive while we subscribe queue up behind the snapshot.
        await Run(Resubscribe);
        refreshTimer ??= clock.CreateTimer(_ => Post(Resubscribe), null, RefreshInterval, RefreshInterval);
        gapTimer ??= clock.CreateTimer(_ => Post(CheckGap), null, GapPatience, GapPatience / 2);
    }

    public void AddWatcher(Func<BoardUpdate, Task> watcher)
    {
        lock (watchersGate) watchers = [.. watchers, watcher];
    }

    public bool RemoveWatcher(Func<BoardUpdate, Task> watcher)
    {
        lock (watchersGate)
        {
            var at = Array.IndexOf(watchers, watcher);
            if (at < 0) return false;
            watchers = [.. watchers.AsSpan(0, at), .. watchers.AsSpan(at + 1)];
            return true;
        }
    }

    public Task OnBoardDelta(BoardDelta delta)
    {
        arrived.Enqueue((delta, System.Diagnostics.Activity.Current?.Context ?? default));
        Post(ReceiveArrived);
        return Task.CompletedTask;
    }

    /// <summary>Replaces the board with a fresh snapshot from the grain.</summary>
    public Task Refresh() => Run(() => Resync("a viewer asked for a fresh board"));

    /// <summary>Runs <paramref name="step"/> on the board loop and waits for it.</summary>
    private Task Run(Func<Task> step)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(async () =>
        {
            try
            {
                await step();
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        refreshTimer?.Dispose();
        gapTimer?.Dispose();
        work.Writer.TryComplete();
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping: pending work is irrelevant once nobody watches.
        }

        if (reference is not null)
        {
            try
            {
                await grains.GetGrain<IHubGrain>(Slug).Unsubscribe(reference);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or ObjectDisposedException)
            {
                LogUnsubscribeFailed(logger, Slug, ex.Message); // the grain's expiry drops us anyway
            }

            grains.DeleteObjectReference<IBoardObserver>(reference);
        }

        stop.Dispose();
    }

    private void Post(Func<Task> step) => work.Writer.TryWrite(step);

    private async Task RunLoop()
    {
        await foreach (var step in work.Reader.ReadAllAsync(stop.Token))
        {
            try
            {
                await step();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed refresh (silo restarting) must not end the loop; the next timer tick retries.
                LogStepFailed(logger, Slug, ex);
            }
        }
    }

    /// <summary>
    /// Takes every delta that has arrived, those that came while the last send was in flight with
    /// them (one step is posted per delta; the later steps find nothing left and return). Each
    /// delta's span lasts until the send that carries it, so a command's trace still shows its push.
    /// </summary>
    private async Task ReceiveArrived()
    {
        List<BoardDelta>? ready = null;
        List<System.Diagnostics.Activity>? spans = null;
        var now = clock.GetUtcNow();
        try
        {
            while (arrived.TryDequeue(out var item))
            {
                if (Board is null) continue; // the first snapshot is on its way and holds them
                if (Diagnostics.WebTracing.StartBoardDelta(Slug, item.Delta, item.Cause) is { } span) (spans ??= []).Add(span);
                var released = sequencer.Accept(item.Delta, now);
                if (released.Count > 0) (ready ??= []).AddRange(released);
            }

            if (ready is not null) await ApplyInOrder(ready);
        }
        finally
        {
            if (spans is not null)
            {
                for (var i = spans.Count - 1; i >= 0; i--) spans[i].Dispose();
            }
        }

        // What arrives during the pause goes out with the next send, merged.
        if (ready is not null) await Pace();
    }

    /// <summary>Applies the deltas as one (the board's lists are rebuilt once, not once a delta) and sends them.</summary>
    private async Task ApplyInOrder(IReadOnlyList<BoardDelta> ready)
    {
        if (ready.Count == 0) return;
        var began = TimeProvider.System.GetTimestamp();
        var sending = BoardApplier.Merge(ready);
        if (BoardApplier.Apply(Board!, sending) is not { } next)
        {
            await Resync("delta did not follow the board");
            return;
        }

        Board = next;
        Measure(sending);
        // The group send completes when every connection's write has been flushed; the circuits
        // queue theirs meanwhile instead of after it. Both still take the deltas in this loop's
        // order, and what arrives meanwhile goes with the next send.
        var sent = Send(BoardHub.DeltaMessage, sending, sending.ForOnlookers());
        Notify(new BoardUpdate(Board!, sending));
        await sent;
        lastSendBegan = began;
    }

    /// <summary>Holds the loop until <see cref="MinimumSendInterval"/> has passed since the last send began.</summary>
    private async Task Pace()
    {
        var rest = MinimumSendInterval - TimeProvider.System.GetElapsedTime(lastSendBegan);
        if (rest > TimeSpan.Zero) await Task.Delay(rest, stop.Token);
    }

    private async Task CheckGap()
    {
        if (sequencer.HasGap(clock.GetUtcNow(), GapPatience)) await Resync("a delta never arrived");
    }

    /// <summary>
    /// Re-registers the observer; the grain answers with its snapshot. If that is ahead of us, the
    /// deltas in between are usually on their way (a command in flight when the refresh ran), so
    /// they are awaited as a gap is: only if they have not come within <see cref="GapPatience"/>
    /// (we missed them, or the hub grain restarted elsewhere) does a snapshot replace our board.
    /// Replacing at once sent every open board the whole board again and dropped the delta in
    /// flight, once every refresh a command happened to be under way (docs/benchmarks.md).
    /// </summary>
    private async Task Resubscribe()
    {
        var snapshot = await grains.GetGrain<IHubGrain>(Slug).Subscribe(reference!);
        if (Board is null)
        {
            await Replace(snapshot, null);
        }
        else if (snapshot.Version > sequencer.Version)
        {
            sequencer.Expect(snapshot.Version, clock.GetUtcNow());
        }
        else if (snapshot.Version < sequencer.Version)
        {
            await Replace(snapshot, "re-subscribe found an older version");
        }
    }

    /// <summary>Since when this board has failed to fetch a fresh snapshot (null while it is current); readiness reads it.</summary>
    public DateTimeOffset? ResyncFailingSince { get; private set; }

    private async Task Resync(string why)
    {
        BoardSnapshot snapshot;
        try
        {
            snapshot = await grains.GetGrain<IHubGrain>(Slug).GetSnapshot();
        }
        catch
        {
            ResyncFailingSince ??= clock.GetUtcNow();
            throw;
        }

        ResyncFailingSince = null;
        await Replace(snapshot, why);
    }

    /// <summary>Each request's change, from its grain's clock to this board; other front-ends measure their own.</summary>
    private void Measure(BoardDelta delta)
    {
        var now = clock.GetUtcNow();
        var hub = Diagnostics.WebMetrics.Hub(Slug);
        Diagnostics.WebMetrics.DeltasSent.Add(1, hub);
        foreach (var change in delta.Changes)
        {
            if (change is RequestUpserted { Request.UpdatedAt: var at }) Diagnostics.WebMetrics.NoticeToBoard.Record(Math.Max(0, (now - at).TotalMilliseconds), hub);
        }
    }

    private async Task Replace(BoardSnapshot snapshot, string? why)
    {
        if (why is not null)
        {
            LogResync(logger, Slug, Board?.Version ?? 0, snapshot.Version, why);
            Diagnostics.WebMetrics.Resyncs.Add(1, Diagnostics.WebMetrics.Hub(Slug));
        }

        Board = snapshot;
        var newer = sequencer.Reset(snapshot.Version, clock.GetUtcNow());
        if (why is not null)
        {
            await Send(BoardHub.SnapshotMessage, snapshot, snapshot.ForOnlookers());
        }

        Notify(new BoardUpdate(snapshot, null));
        await ApplyInOrder(newer);
    }

    /// <summary>
    /// Sends to the hub's staff and to its onlookers (<see cref="BoardHub.GroupName"/>): one send to
    /// both groups when what onlookers may see is the whole of it (nearly always), else one each.
    /// </summary>
    private Task Send<T>(string message, T toStaff, T toOnlookers)
        where T : class
    {
        string staff = BoardHub.GroupName(Slug, staff: true), onlookers = BoardHub.GroupName(Slug, staff: false);
        if (ReferenceEquals(toStaff, toOnlookers)) return signalR.Clients.Groups([staff, onlookers]).SendAsync(message, toStaff, stop.Token);
        return Task.WhenAll(
            signalR.Clients.Group(staff).SendAsync(message, toStaff, stop.Token),
            signalR.Clients.Group(onlookers).SendAsync(message, toOnlookers, stop.Token));
    }

    private void Notify(BoardUpdate update)
    {
        foreach (var watcher in Volatile.Read(ref watchers))
        {
            // Each circuit queues the update on its own dispatcher; a slow one never holds up the others.
            _ = watcher(update);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Board {Hub} resynced from v{From} to v{To}: {Why}")]
    private static partial void LogResync(ILogger logger, string hub, long from, long to, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Board {Hub} step failed; it will be retried")]
    private static partial void LogStepFailed(ILogger logger, string hub, Exception ex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Board {Hub} unsubscribe failed: {Reason}")]
    private static partial void LogUnsubscribeFailed(ILogger logger, string hub, string reason);
}
