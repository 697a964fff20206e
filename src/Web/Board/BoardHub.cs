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
    /// The group of this web process's connections to a hub's board, one for its staff (who may
    /// dispatch there) and one for its onlookers (volunteers, a region or network view), who get
    /// each delta <see cref="BoardDelta.ForOnlookers">without what only staff see</see>. Every
    /// front-end that shows the hub has its own subscription and sends each delta itself; with the
    /// Redis backplane a group shared by all front-ends would hand every board one copy per
    /// front-end, so each process sends only to the connections it holds.
    /// </summary>
    public static string GroupName(string slug, bool staff) => staff ? $"hub:{slug}:{ProcessGroup}" : $"hub:{slug}:{ProcessGroup}:onlookers";

    private static readonly string ProcessGroup = Guid.NewGuid().ToString("N");

    public async Task<BoardSnapshot> JoinHub(string slug)
    {
        var staff = await RequireHub(slug);
        var watch = await watches.Add(Context.ConnectionId, slug, () => feed.Watch(slug, _ => Task.CompletedTask));
        // Join the group before reading the board: a delta in between is then at most a repeat
        // (the client drops versions it already has), never a hole. Rights are read on every join,
        // so a join as the other audience leaves that audience's group: never both.
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(slug, !staff));
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(slug, staff));
        live.Joined(Context.ConnectionId, slug);
        return staff ? watch.Board : watch.Board.ForOnlookers();
    }

    public async Task LeaveHub(string slug)
    {
        live.Left(Context.ConnectionId, slug);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(slug, staff: true));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(slug, staff: false));
        await watches.Remove(Context.ConnectionId, slug);
    }

    /// <summary>A fresh snapshot, for a client that saw a gap.</summary>
    public async Task<BoardSnapshot> GetSnapshot(string slug)
    {
        var staff = await RequireHub(slug);
        var board = await grains.GetGrain<IHubGrain>(slug).GetSnapshot();
        return staff ? board : board.ForOnlookers();
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

    /// <summary>
    /// Checked on every call: a connection's rights are those of its user or token now, not when it
    /// joined. Answers whether they are the hub's staff (may dispatch there) or an onlooker.
    /// </summary>
    private async Task<bool> RequireHub(string slug)
    {
        if (!Slug.IsValid(slug)) throw NoHubToView(slug);

        // The account or token as it is now, not as it was when the connection opened. Asked before
        // the hub: a caller with no right there wakes no hub grain, whatever slugs it tries.
        var principal = await BoardViewers.Current(grains, Context.User);
        if (principal is null || !await access.Can(principal, Ability.ViewBoard, slug)) throw NoHubToView(slug);
        if (await grains.GetGrain<IHubGrain>(slug).GetSummary() is null) throw NoHubToView(slug);
        return await access.Can(principal, Ability.Dispatch, slug);
    }

    /// <summary>
    /// One answer for a hub that does not exist and one the caller may not view: a person or a token
    /// (or a guess at one) learns neither which hubs there are nor that a right was taken away.
    /// The message is logged by SignalR as well as sent back, so the caller's text goes in bounded and escaped.
    /// </summary>
    private static HubException NoHubToView(string slug) => new($"There is no hub '{LogSafe.Bound(slug)}' you may view.");
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
