using Microsoft.AspNetCore.SignalR;

namespace MutualAid.Web.Diagnostics;

/// <summary>
/// The transport's own cost measured inside this process: a bare SignalR hub with no Orleans and
/// no auth, and an endpoint that broadcasts one padded message through it. Only mapped when
/// <c>MutualAid:BenchmarkBaseline</c> is true, which only the benchmark harness sets (on loopback);
/// it then compares our push path with this one under the same process, GC and thread pool.
/// </summary>
public static class BenchmarkBaseline
{
    public const string Setting = "MutualAid:BenchmarkBaseline";

    public static void MapBenchmarkBaseline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>(Setting)) return;
        app.MapHub<BaselineHub>("/bench/baseline").AllowAnonymous().DisableRateLimiting();
        app.MapPost("/bench/baseline/broadcast", (long seq, int bytes, IHubContext<BaselineHub> hub) =>
            hub.Clients.All.SendAsync("m", new { seq, pad = new string('x', Math.Clamp(bytes - 40, 0, 64 * 1024)) }))
            .AllowAnonymous().DisableRateLimiting().DisableAntiforgery();
        // Live managed bytes after a full compacting collection: what circuits hold, without the
        // headroom server GC keeps in resident memory (the circuits scenario reads both).
        app.MapPost("/bench/heap", () =>
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return GC.GetTotalMemory(forceFullCollection: false);
        }).AllowAnonymous().DisableRateLimiting().DisableAntiforgery();
        // What the collector keeps against what is live, as of the last collection (the circuits
        // scenario reads it right after /bench/heap): resident memory a tab costs beyond its live heap
        // is either here (committed but free) or outside the managed heap (stacks, native buffers).
        app.MapGet("/bench/gc", () =>
        {
            var info = GC.GetGCMemoryInfo();
            return new GcFigures(info.TotalCommittedBytes, info.HeapSizeBytes, info.FragmentedBytes);
        }).AllowAnonymous().DisableRateLimiting();
        // What the runtime has done in this process so far. The harness reads it before and after
        // each measured phase, ours and the baseline's alike, so a slow tail can be put down to GC
        // pauses or JIT work (or not), and it warms up until the JIT has gone quiet.
        app.MapGet("/bench/runtime", () => new RuntimeFigures(GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds,
            System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false)))
            .AllowAnonymous().DisableRateLimiting();
    }

    public sealed class BaselineHub : Hub;

    /// <summary>Bytes the collector had committed, held in its heap and left free inside it, at the last collection.</summary>
    public sealed record GcFigures(long CommittedBytes, long HeapBytes, long FragmentedBytes);

    /// <summary>Counts since the process started; collections of a generation include those of the older ones.</summary>
    public sealed record RuntimeFigures(long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PausedMs, long JitCompiledMethods);
}
