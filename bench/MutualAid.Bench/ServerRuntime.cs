using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace MutualAid.Bench;

/// <summary>
/// What the app's runtime did (the benchmark-only <c>/bench/runtime</c> endpoint): bytes allocated,
/// collections reaching each generation, time paused for GC and methods JIT-compiled. Read before
/// and after each measured phase, ours and the in-app baseline's alike, so a tail can be put down
/// to GC or JIT work, and used to warm both up until the JIT has gone quiet.
/// </summary>
internal sealed record ServerRuntime(long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PausedMs, long JitCompiledMethods)
{
    /// <summary>
    /// Warm-up ends once the app compiles no more than this many methods in <see cref="QuietWindow"/>
    /// (5 s: a 2 s lull between promotions passed for quiet and 550 compilations followed).
    /// </summary>
    private const int QuietMethods = 10;

    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Warm-up never runs longer than this, settled or not (the note says which). At quick's 10
    /// commands a second our side needs 40-70 s: a method called once per lifecycle is promoted twice
    /// (instrumented, then optimised), 30 calls each; 30 s left 600-800 compilations in the measured 20 s.
    /// </summary>
    public static readonly TimeSpan MostWarmUp = TimeSpan.FromSeconds(90);

    /// <summary>Null from a build without the endpoint (older than 2026-12-02 night), so this harness can still run it.</summary>
    public static async Task<ServerRuntime?> Read(Uri app)
    {
        using var http = new HttpClient { BaseAddress = app };
        using var response = await http.GetAsync(new Uri("/bench/runtime", UriKind.Relative));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ServerRuntime>();
    }

    /// <summary>What happened between two readings, described for a row's note.</summary>
    public static string Between(ServerRuntime? before, ServerRuntime? after, long broadcasts, string each = "broadcast") =>
        before is null || after is null ? "server: no /bench/runtime in this build" : after.Since(before).Describe(broadcasts, each);

    /// <summary>
    /// A full blocking collection in the app before a measured phase, so neither side starts its
    /// samples carrying a collection that the other's warm-up left due (the /bench/heap endpoint).
    /// </summary>
    public static async Task Settle(Uri app)
    {
        using var http = new HttpClient { BaseAddress = app };
        using var response = await http.PostAsync(new Uri("/bench/heap", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    public ServerRuntime Plus(ServerRuntime more) =>
        new(AllocatedBytes + more.AllocatedBytes, Gen0 + more.Gen0, Gen1 + more.Gen1, Gen2 + more.Gen2, PausedMs + more.PausedMs, JitCompiledMethods + more.JitCompiledMethods);

    public ServerRuntime Since(ServerRuntime before) =>
        new(AllocatedBytes - before.AllocatedBytes, Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2, PausedMs - before.PausedMs, JitCompiledMethods - before.JitCompiledMethods);

    public string Describe(long broadcasts, string each = "broadcast") => string.Create(CultureInfo.InvariantCulture,
        $"server: {AllocatedBytes / 1024.0 / Math.Max(1, broadcasts):0} KB allocated per {each}, GCs {Gen0}/{Gen1}/{Gen2} reaching gen 0/1/2, {PausedMs:0} ms paused, {JitCompiledMethods} methods JIT-compiled");

    /// <summary>
    /// Runs <paramref name="step"/> for at least <paramref name="least"/> and then until the app's
    /// JIT has gone quiet (tiered compilation promotes a method after it has been called a number of
    /// times, so at 10 broadcasts a second a few seconds leave much of the path half-compiled), or
    /// <see cref="MostWarmUp"/>. Returns how long it took and whether the JIT settled.
    /// </summary>
    public static async Task<(TimeSpan Took, bool Settled)> WarmUp(Uri app, TimeSpan least, Func<Task> step)
    {
        var clock = Stopwatch.StartNew();
        var marks = new Queue<(TimeSpan At, long Methods)>();
        while (true)
        {
            await step();
            if (await Read(app) is not { } figures)
            {
                // A build without the endpoint: the fixed warm-up only.
                if (clock.Elapsed >= least) return (clock.Elapsed, false);
                continue;
            }

            var now = figures.JitCompiledMethods;
            marks.Enqueue((clock.Elapsed, now));
            while (marks.Count > 1 && clock.Elapsed - marks.Peek().At > QuietWindow) marks.Dequeue();
            var spanned = clock.Elapsed - marks.Peek().At >= QuietWindow * 0.75;
            if (clock.Elapsed >= least && spanned && now - marks.Peek().Methods <= QuietMethods) return (clock.Elapsed, true);
            if (clock.Elapsed >= MostWarmUp) return (clock.Elapsed, false);
        }
    }
}
