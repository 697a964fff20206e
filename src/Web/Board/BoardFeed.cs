using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using MutualAid.Common;

namespace MutualAid.Web.Board;

/// <summary>
/// Keeps one grain subscription per hub for this whole web process (DESIGN §4), however many
/// browsers show that hub. A hub's channel opens with its first watcher and closes a short grace
/// period after its last one leaves, so flicking between boards does not churn subscriptions.
/// </summary>
public sealed class BoardFeed(IGrainFactory grains, IHubContext<BoardHub> signalR, TimeProvider clock, ILogger<BoardFeed> logger) : IAsyncDisposable
{
    internal static readonly TimeSpan IdleGrace = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Lazy<Task<BoardChannel>>> channels = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim lifecycle = new(1, 1);

    /// <summary>Hubs with an open subscription (for tests and diagnostics).</summary>
    public IReadOnlyCollection<string> OpenHubs => channels.Keys.ToArray();

    /// <summary>Watchers per hub with an open subscription (the board gauge reads it when scraped).</summary>
    public IEnumerable<(string Hub, int Watchers)> WatchersByHub() =>
        channels.Where(c => c.Value.IsValueCreated && c.Value.Value.IsCompletedSuccessfully).Select(c => (c.Key, c.Value.Value.Result.Watchers));

    /// <summary>Hubs whose board has failed to resynchronise for longer than <paramref name="patience"/>: their viewers see stale data.</summary>
    public IReadOnlyList<string> StuckSince(DateTimeOffset now, TimeSpan patience) =>
        [.. channels.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully).Select(c => c.Value.Result)
            .Where(c => c.ResyncFailingSince is { } since && now - since > patience).Select(c => c.Slug)];

    /// <summary>Total watchers across hubs (for tests and diagnostics).</summary>
    public int WatcherCount => channels.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully).Sum(c => c.Value.Result.Watchers);

    /// <summary>
    /// Starts watching a hub. <paramref name="onUpdate"/> is called with every board change in
    /// version order, in the language of whoever watches; dispose the result to stop (Blazor
    /// components do so when their circuit ends).
    /// </summary>
    public async Task<BoardWatch> Watch(string slug, Func<BoardUpdate, Task> onUpdate)
    {
        if (!Slug.IsValid(slug)) throw new ArgumentException($"'{LogSafe.Bound(slug)}' is not a hub key.", nameof(slug));
        onUpdate = Localization.ReaderCulture.Kept(onUpdate);
        await lifecycle.WaitAsync();
        BoardChannel channel;
        try
        {
            channel = await Open(slug);
            channel.AddWatcher(onUpdate);
        }
        finally
        {
            lifecycle.Release();
        }

        return new BoardWatch(this, channel, onUpdate);
    }

    internal async Task Release(BoardChannel channel, Func<BoardUpdate, Task> onUpdate)
    {
        if (!channel.RemoveWatcher(onUpdate) || channel.Watchers > 0) return;
        _ = Task.Delay(IdleGrace, clock).ContinueWith(_ => CloseIfIdle(channel), TaskScheduler.Default);
        await Task.CompletedTask;
    }

    /// <summary>Closes a channel with no watchers now (tests use it instead of waiting out the grace period).</summary>
    internal Task CloseIfIdle(string slug) =>
        channels.TryGetValue(slug, out var lazy) && lazy.Value.IsCompletedSuccessfully ? CloseIfIdle(lazy.Value.Result) : Task.CompletedTask;

    private async Task CloseIfIdle(BoardChannel channel)
    {
        await lifecycle.WaitAsync();
        try
        {
            if (channel.Watchers > 0 || !channels.TryRemove(channel.Slug, out _)) return;
        }
        finally
        {
            lifecycle.Release();
        }

        await channel.DisposeAsync();
    }

    private async Task<BoardChannel> Open(string slug)
    {
        var lazy = channels.GetOrAdd(slug, s => new Lazy<Task<BoardChannel>>(async () =>
        {
            var channel = new BoardChannel(s, grains, signalR, clock, logger);
            await channel.Start();
            return channel;
        }));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            channels.TryRemove(new KeyValuePair<string, Lazy<Task<BoardChannel>>>(slug, lazy));
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Diagnostics.WebMetrics.Forget(this);
        foreach (var lazy in channels.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully) await lazy.Value.Result.DisposeAsync();
        }

        channels.Clear();
        lifecycle.Dispose();
    }
}

/// <summary>A circuit's (or connection's) hold on a hub board; dispose to let go.</summary>
public sealed class BoardWatch : IAsyncDisposable
{
    private readonly BoardFeed feed;
    private readonly BoardChannel channel;
    private readonly Func<BoardUpdate, Task> onUpdate;
    private int disposed;

    internal BoardWatch(BoardFeed feed, BoardChannel channel, Func<BoardUpdate, Task> onUpdate)
    {
        this.feed = feed;
        this.channel = channel;
        this.onUpdate = onUpdate;
    }

    /// <summary>The board as this process currently holds it.</summary>
    public MutualAid.Board.BoardSnapshot Board => channel.Board!;

    /// <summary>Fetches a fresh snapshot from the grain (the user asked to refresh, or a client saw a gap).</summary>
    public Task Resync() => channel.Refresh();

    /// <summary>The process's subscription this watch shares, as the hub grain sees it (tests hand it deltas).</summary>
    internal MutualAid.Board.IBoardObserver Subscription => channel;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0) await feed.Release(channel, onUpdate);
    }
}
