using MutualAid.Regions;

namespace MutualAid.Web.Hosting;

public static class HealthEndpoints
{
    /// <summary>
    /// /healthz: the process is alive. /readyz: the grain layer answers (which in cluster mode means
    /// silos and Redis are reachable), so a load balancer only sends users where boards will load.
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (IGrainFactory grains, CancellationToken cancel) =>
        {
            try
            {
                await grains.GetGrain<INetworkGrain>(0).GetRegions().WaitAsync(TimeSpan.FromSeconds(5), cancel);
                return Results.Text("ready");
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException)
            {
                return Results.Text($"not ready: {ex.GetType().Name}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
    }
}
