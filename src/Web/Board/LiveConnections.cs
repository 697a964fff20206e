using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using MutualAid.Common;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Board;

/// <summary>
/// The SignalR connections of this web process and the boards each has joined. Every process
/// keeps its own, so the sweep works however many web processes there are.
/// </summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, Connection> connections = new(StringComparer.Ordinal);

    public sealed class Connection(HubCallerContext context)
    {
        public HubCallerContext Context { get; } = context;

        public ConcurrentDictionary<string, byte> Hubs { get; } = new(StringComparer.Ordinal);
    }

    public void Opened(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        connections[context.ConnectionId] = new Connection(context);
    }

    public void Joined(string connectionId, string slug)
    {
        if (connections.TryGetValue(connectionId, out var c)) c.Hubs[slug] = 0;
    }

    public void Left(string connectionId, string slug)
    {
        if (connections.TryGetValue(connectionId, out var c)) c.Hubs.TryRemove(slug, out _);
    }

    public void Closed(string connectionId) => connections.TryRemove(connectionId, out _);

    public IReadOnlyList<Connection> All => [.. connections.Values];

    public static ClaimsPrincipal? User(Connection connection) => connection?.Context.User;
}

/// <summary>
/// Every two seconds, checks each connected person against their account and each integration
/// against its API token: a connection whose account was disabled, erased or changed (role removed,
/// password reset) or whose token was revoked or has expired leaves every board group and is closed; one that
/// merely lost a hub leaves that hub's group. Removing it from the group first means no further
/// delta reaches it even before the close completes.
/// </summary>
public sealed partial class LiveConnectionSweep(
    LiveConnections connections,
    HubConnectionWatches watches,
    IHubContext<BoardHub> hub,
    IGrainFactory grains,
    Access access,
    TimeProvider clock,
    ILogger<LiveConnectionSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Sweep();
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                LogSweepFailed(logger, LogSafe.Bound(ex.Message, 300)); // tried again at the next tick
            }
        }
    }

    public async Task Sweep()
    {
        var open = connections.All.Where(c => !c.Hubs.IsEmpty).ToList();
        // A token has no account: it is judged by its grant now, one look however many displays use it.
        foreach (var token in open.Where(c => BoardViewers.Token(c.Context.User) is not null).GroupBy(c => BoardViewers.Token(c.Context.User)!.Value))
        {
            var fresh = await BoardViewers.OfToken(grains, token.Key);
            foreach (var connection in token) await Judge(connection, fresh);
        }

        foreach (var person in open.Where(c => BoardViewers.Token(c.Context.User) is null).GroupBy(c => AccountClaims.Email(c.Context.User) ?? ""))
        {
            // One look at the account per person, however many tabs and displays they have open; each
            // connection is then judged by the stamp it signed in with (an old tab may predate a new password).
            var stored = person.Key.Length == 0 ? null : await grains.GetGrain<MutualAid.Accounts.IUserGrain>(MutualAid.Accounts.IUserGrain.Key(person.Key)).GetAccount();
            foreach (var connection in person)
            {
                var account = AccountClaims.Valid(stored, AccountClaims.SecurityStamp(connection.Context.User)) ? stored : null;
                await Judge(connection, account is null ? null : AccountClaims.Principal(account));
            }
        }
    }

    /// <summary>Takes the connection out of each hub <paramref name="fresh"/> may no longer view; closes it when nobody stands behind it any more.</summary>
    private async Task Judge(LiveConnections.Connection connection, ClaimsPrincipal? fresh)
    {
        foreach (var slug in connection.Hubs.Keys)
        {
            if (fresh is not null && await access.Can(fresh, Ability.ViewBoard, slug)) continue;
            // Whichever audience it joined as: a change of role changes the stamp and closes it below.
            await hub.Groups.RemoveFromGroupAsync(connection.Context.ConnectionId, BoardHub.GroupName(slug, staff: true));
            await hub.Groups.RemoveFromGroupAsync(connection.Context.ConnectionId, BoardHub.GroupName(slug, staff: false));
            await watches.Remove(connection.Context.ConnectionId, slug);
            connections.Left(connection.Context.ConnectionId, slug);
            LogLeft(logger, connection.Context.ConnectionId, slug);
        }

        if (fresh is null) connection.Context.Abort();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live connection {ConnectionId} lost hub {Hub}: its account or token no longer allows it")]
    private static partial void LogLeft(ILogger logger, string connectionId, string hub);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live connection sweep failed: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
