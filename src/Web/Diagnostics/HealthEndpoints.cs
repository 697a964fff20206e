using Microsoft.Extensions.Options;
using MutualAid.Presence;
using MutualAid.Silo.Hosting;
using MutualAid.Web.Board;

namespace MutualAid.Web.Diagnostics;

public static class HealthEndpoints
{
    /// <summary>A board that cannot fetch a fresh snapshot for this long shows stale data: send viewers elsewhere.</summary>
    public static readonly TimeSpan ResyncPatience = TimeSpan.FromMinutes(1);

    /// <summary>
    /// /healthz: the process is alive (cheap: no grain call). /readyz: a grain can write its state and
    /// read its reminders (which in cluster mode means silos and Redis answer), the embedded data file
    /// is writable, and no board here has failed to resynchronise for a minute; so a load balancer
    /// only sends people where boards load and commands are kept. The store's part is
    /// <see cref="StoreProbe"/>'s, so anonymous callers cannot turn it into a write per request.
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (StoreProbe store, IServiceProvider services, BoardFeed boards, TimeProvider clock, CancellationToken cancel) =>
        {
            try
            {
                if (!OperatingSystem.IsWindows() && DataFile(services) is { } file && File.Exists(file) && !File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserWrite))
                {
                    return NotReady("data file is read-only");
                }

                await store.Check(cancel);
                var stuck = boards.StuckSince(clock.GetUtcNow(), ResyncPatience);
                return stuck.Count > 0 ? NotReady($"{stuck.Count} board(s) cannot resynchronise") : Results.Text("ready");
            }
            catch (Exception ex) when (!cancel.IsCancellationRequested)
            {
                // Whatever the store threw (SQLite, Redis, a timeout), the answer is the same: not here, not now.
                return NotReady(ex.GetType().Name);
            }
        });
    }

    private static IResult NotReady(string why) => Results.Text($"not ready: {why}", statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>The embedded SQLite file when this process hosts the silo on it; null otherwise.</summary>
    private static string? DataFile(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MutualAidOptions>>().Value;
        var environment = services.GetRequiredService<IWebHostEnvironment>();
        return options.Storage == StorageKind.Sqlite && options.Hosting != HostingKind.Client
            ? MutualAidHostingExtensions.DatabasePath(options, environment.ContentRootPath) : null;
    }
}

/// <summary>
/// The stores' half of /readyz, which writes a row: one probe at a time whoever asks, and a success
/// trusted for <see cref="Reuse"/>, so anyone calling /readyz as fast as they can costs the store at
/// most one write per interval. A failure is not kept: whoever shared it hears it, and the next
/// caller probes again, so readiness returns as soon as the store does.
/// </summary>
public sealed class StoreProbe(IGrainFactory grains, IServiceProvider services, TimeProvider clock)
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private Task? running;
    private DateTimeOffset goodUntil;

    public Task Check(CancellationToken cancel)
    {
        lock (gate)
        {
            if (clock.GetUtcNow() < goodUntil) return Task.CompletedTask;
            // Started outside the lock's thread, so a probe that finishes at once cannot clear "running" before it is set.
            running ??= Task.Run(Probe, CancellationToken.None);
            // One caller giving up does not cancel the probe the others wait for.
            return running.WaitAsync(cancel);
        }
    }

    private async Task Probe()
    {
        try
        {
            await grains.GetGrain<IHealthProbeGrain>(Environment.MachineName).Probe().WaitAsync(Patience);
            if (services.GetService<MutualAid.Web.Hosting.RedisConnection>() is { } redis) await redis.Ping().WaitAsync(Patience);
            lock (gate) goodUntil = clock.GetUtcNow() + Reuse;
        }
        finally
        {
            lock (gate) running = null;
        }
    }
}
