using StackExchange.Redis;

namespace MutualAid.Web.Hosting;

/// <summary>
/// The web tier's one connection to the front-ends' Redis: the key ring keeps its keys through it and
/// /readyz asks through it whether Redis answers (the SignalR backplane opens and closes its own).
/// Connected on first use and never aborting, so a front-end that starts before Redis still starts,
/// and readiness says it is not ready.
/// </summary>
public sealed class RedisConnection(string configuration) : IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() => ConnectionMultiplexer.ConnectAsync(configuration + ",abortConnect=false"));

    public async Task Ping() => await (await connection.Value).GetDatabase().PingAsync();

    /// <summary>For the key ring, whose repository asks synchronously, once, when it first loads keys.</summary>
    public IDatabase Database() => connection.Value.GetAwaiter().GetResult().GetDatabase();

    public void Dispose()
    {
        if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully) connection.Value.Result.Dispose();
    }
}
