using MutualAid.Regions;

namespace MutualAid.Web.Diagnostics;

public static class HealthEndpoints
{
    /// <summary>
    /// /healthz: the process is alive. /readyz: the grain layer answers (which in cluster mode means
    /// silos and Redis are reachable), so a load balancer only sends users where boards will load.
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (IGrainFactory grains, IServiceProvider services, CancellationToken cancel) =>
        {
            try
            {
                await grains.GetGrain<INetworkGrain>(0).GetRegions().WaitAsync(TimeSpan.FromSeconds(5), cancel);
                if (services.GetService<RedisProbe>() is { } redis) await redis.Ping().WaitAsync(TimeSpan.FromSeconds(5), cancel);
                return Results.Text("ready");
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException or StackExchange.Redis.RedisException)
            {
                return Results.Text($"not ready: {ex.GetType().Name}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
    }
}

/// <summary>One shared connection used only to tell /readyz whether Redis answers.</summary>
public sealed class RedisProbe(string configuration) : IDisposable
{
    private readonly Lazy<Task<StackExchange.Redis.ConnectionMultiplexer>> connection = new(() => StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(configuration));

    public async Task Ping() => await (await connection.Value).GetDatabase().PingAsync();

    public void Dispose()
    {
        if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully) connection.Value.Result.Dispose();
    }
}
