using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using MutualAid.Board;
using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Board;

/// <summary>
/// Live boards for non-Blazor clients (wall displays, integrations, the benchmark). A client calls
/// JoinHub and gets the snapshot, then receives the same ordered deltas the Blazor boards get.
/// Messages are documented in docs/signalr.md.
/// </summary>
[Authorize]
public sealed class BoardHub(BoardFeed feed, IGrainFactory grains, HubConnectionWatches watches, LiveConnections live, Access access) : Hub
{
    public const string Path = "/live/board";
    public const string DeltaMessage = "delta";
    public const string SnapshotMessage = "snapshot";

    /// <summary>
    /// The group of this web process's connections to a hub's board. Every front-end that shows the
    /// hub has its own subscription and sends each delta itself; with the Redis backplane a group
    /// shared by all front-ends would hand every board one copy per front-end, so each process sends
    /// only to the connections it holds.
    /// </summary>
    public static string GroupName(string slug) => $"hub:{slug}:{ProcessGroup}";

    private static readonly string ProcessGroup = Guid.NewGuid().ToString("N");

    public async Task<BoardSnapshot> JoinHub(string slug)
    {
        await RequireHub(slug);
        var watch = await watches.Add(Context.ConnectionId, slug, () => feed.Watch(slug, _ => Task.CompletedTask));
        // Join the group before reading the board: a delta in between is then at most a repeat
        // (the client drops versions it already has), never a hole.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(slug));
        live.Joined(Context.ConnectionId, slug);
        return watch.Board;
    }

    public async Task LeaveHub(string slug)
    {
        live.Left(Context.ConnectionId, slug);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(slug));
        await watches.Remove(Context.ConnectionId, slug);
    }

    /// <summary>A fresh snapshot, for a client that saw a gap in the delta versions.</summary>
    public async Task<BoardSnapshot> GetSnapshot(string slug)
    {
        await RequireHub(slug);
        return await grains.GetGrain<IHubGrain>(slug).GetSnapshot();
    }

    public override Task OnConnectedAsync()
    {
        live.Opened(Context);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        live.Closed(Context.ConnectionId);
        await watches.RemoveAll(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Checked on every call: a connection's rights are those of its user now, not when it joined.</summary>
    private async Task RequireHub(string slug)
    {
        if (!Slug.IsValid(slug) || await grains.GetGrain<IHubGrain>(slug).GetSummary() is null)
        {
            // The message is logged by SignalR as well as sent back, so the caller's text goes in bounded and escaped.
            throw new HubException($"There is no hub '{LogSafe.Bound(slug)}'.");
        }

        // The account as it is now, not as it was when the connection opened.
        var account = await AccountClaims.Current(grains, Context.User);
        if (account is null || !await access.Can(AccountClaims.Principal(account), Ability.ViewBoard, slug))
        {
            throw new HubException($"You may not view hub '{LogSafe.Bound(slug)}'.");
        }
    }
}

/// <summary>The boards each SignalR connection holds open, released when it leaves or disconnects.</summary>
public sealed class HubConnectionWatches
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, BoardWatch>> byConnection = new(StringComparer.Ordinal);

    public async Task<BoardWatch> Add(string connectionId, string slug, Func<Task<BoardWatch>> open)
    {
        var boards = byConnection.GetOrAdd(connectionId, _ => new(StringComparer.Ordinal));
        if (boards.TryGetValue(slug, out var existing)) return existing;
        var watch = await open();
        if (boards.TryAdd(slug, watch)) return watch;
        await watch.DisposeAsync();
        return boards[slug];
    }

    public async Task Remove(string connectionId, string slug)
    {
        if (byConnection.TryGetValue(connectionId, out var boards) && boards.TryRemove(slug, out var watch)) await watch.DisposeAsync();
    }

    public async Task RemoveAll(string connectionId)
    {
        if (!byConnection.TryRemove(connectionId, out var boards)) return;
        foreach (var watch in boards.Values) await watch.DisposeAsync();
    }
}
