using System.Globalization;
using MutualAid.Bench;

// dotnet run -c Release --project bench/MutualAid.Bench -- [--quick] [--scenario fanout|hubs|throughput|throughput-redis|memory|circuits|all]
//   [--storage Memory|Sqlite] [--concurrency N] (throughput: which store, how many lifecycles in parallel)
//   [--volunteers N] (throughput: volunteers on the hub, 600 unless given; each can take 96 quarter-hour jobs a day)
//   [--boards N] (fan-out: only N boards, and the summary line for N; e.g. --quick --boards 2000)
//   [--cluster <state-dir>] (fanout and hubs against deploy/local-cluster.sh, started there unless running; per-process load)
//   [--tabs 20,200] (circuits: how many board tabs, one run each) [--hold S] (circuits: keep the tabs open S seconds
//   after measuring, printing the app's process id, so dotnet-gcdump / dotnet-counters can look at it)
//   [--environment Production|Development] (circuits: the app's environment; Production, as deployed, unless given)
//   [--hours day|night] (whether the run is in the hubs' quiet hours, whatever the clock says; day unless given)
var quick = args.Contains("--quick");
var scenario = args.SkipWhile(a => a != "--scenario").Skip(1).FirstOrDefault() ?? (quick ? "fanout" : "all");
// Quick and full runs measure fan-out the same way (each side warmed up unmeasured for at least 5 s
// and until the app's JIT is quiet, a full GC, then ours and the in-app baseline in 4 alternating
// rounds of 10 s, i.e. 400 broadcasts a side at 10/s; SideBySide.cs says why), so the quick summary
// line can be held to the same targets; quick runs one board count and leaves out the informative
// harness baseline. Other scenarios measure 20 s.
var seconds = 20;
const int rounds = 4;
var slice = TimeSpan.FromSeconds(10);
var warmUp = TimeSpan.FromSeconds(5);
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
if (Option("--cluster") is { } clusterState)
{
    // Against deploy/local-cluster.sh instead of one app process (ClusterProgram.cs).
    var fanOutBoards = int.TryParse(Option("--boards"), CultureInfo.InvariantCulture, out var n) ? n : 1000;
    await ClusterProgram.Run(clusterState, scenario, fanOutBoards, TimeSpan.FromSeconds(seconds), warmUp);
    return;
}

var concurrency = int.TryParse(Option("--concurrency"), CultureInfo.InvariantCulture, out var c) ? c : 32;
// 600 volunteers take ~57,600 jobs before their daily limits stop them: a run at the 2,000 commands/s
// target does ~48,000 lifecycles in its longest warm-up (90 s) and 30 s measured. 200, the number before
// 2026-12-04, ran out at ~1,100 commands/s (a volunteer refused as past their limit ended the run); each
// volunteer on the board adds ~120 B to every hub write (docs/benchmarks.md).
var volunteerCount = int.TryParse(Option("--volunteers"), CultureInfo.InvariantCulture, out var v) ? v : 600;
var tabCounts = (Option("--tabs") ?? "20").Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
// --floor (circuits): tabs on a small page of the hub (/together) instead of its board: the fixed cost of a circuit.
var floor = args.Contains("--floor");
var environment = Option("--environment") ?? "Production";
var night = (Option("--hours") ?? "day") switch
{
    "day" => false,
    "night" => true,
    var other => throw new ArgumentException($"--hours takes day or night, not '{other}'."),
};
// --warm N (circuits): board tabs opened and left open before the first reading (20 unless given). With 2, the
// process was still compiling its code while the measured tabs opened, a one-off of ~20 MB that 20 tabs showed
// as ~1.4 MB each (docs/benchmarks.md, "Quiet machine after the midday merges"); --warm 2 gives the old figure.
var warm = int.TryParse(Option("--warm"), CultureInfo.InvariantCulture, out var w) ? w : 20;
var hold = TimeSpan.FromSeconds(int.TryParse(Option("--hold"), CultureInfo.InvariantCulture, out var h) ? h : 0);
var storages = Option("--storage") is { } only ? [only] : new[] { "Memory", "Sqlite" };
int[] boardCounts = int.TryParse(Option("--boards"), CultureInfo.InvariantCulture, out var b) ? [b] : quick ? [1000] : [100, 500, 1000, 2000];
var headlineBoards = boardCounts.Length == 1 ? boardCounts[0] : 1000;
var rows = new ObservableRows();
Row? headline = null, headlineBaseline = null, harnessBaseline = null;
double sustained = double.NaN;

async Task RunOn(string storage, Func<AppUnderTest, IGrainFactory, string, Task> body, string? redis = null, string environment = "Production")
{
    var (app, client, grains, cookies) = await Scenarios.Start(storage, redis, environment, night);
    try
    {
        await body(app, grains, cookies);
    }
    finally
    {
        await client.StopAsync();
        client.Dispose();
        await app.DisposeAsync();
    }
}

if (scenario is "fanout" or "all")
{
    foreach (var clients in boardCounts)
    {
        await RunOn("Memory", async (app, grains, cookies) =>
        {
            var (ours, inApp) = await SideBySide.FanOut(app, grains, cookies, clients, 10, rounds, slice, warmUp);
            rows.Add(ours);
            rows.Add(inApp);
            Console.Error.WriteLine($"fan-out {clients}: p99 {ours.Latency.P99:0.0} ms");
            Row? inHarness = null;
            if (!quick)
            {
                inHarness = await Scenarios.BaselineFanOut(clients, 10, rounds * slice, ours.MessageBytes > 0 ? ours.MessageBytes : 850, warmUp);
                rows.Add(inHarness);
            }

            if (clients == headlineBoards)
            {
                // The summary compares with the baseline in the same server process (docs/benchmarks.md).
                (headline, headlineBaseline, harnessBaseline) = (ours, inApp, inHarness);
            }
        });
    }
}

if (scenario is "hubs" or "all")
{
    await RunOn("Memory", async (app, grains, cookies) =>
    {
        // 50 hubs × 20 boards, commands spread over the hubs.
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Scenarios.FanOut(app, grains, cookies, 20, 0.4, TimeSpan.FromSeconds(seconds), warmUp)));
        var all = results.SelectMany(_ => Array.Empty<double>()).ToArray();
        rows.Add(results[0] with
        {
            Scenario = "50 hubs × 20 boards",
            Clients = 1000,
            CommandsPerSecond = results.Sum(r => r.CommandsPerSecond),
            Latency = new Statistics(results.Sum(r => r.Latency.Count), results.Max(r => r.Latency.P50), results.Max(r => r.Latency.P95), results.Max(r => r.Latency.P99), results.Max(r => r.Latency.Max), results.Average(r => r.Latency.Mean)),
            Note = "worst hub's percentiles",
        });
        _ = all;
    });
}

if (scenario is "throughput" or "all")
{
    foreach (var storage in storages)
    {
        await RunOn(storage, async (app, grains, cookies) =>
        {
            var row = await Scenarios.Throughput(app, grains, cookies, 100, concurrency, volunteerCount, TimeSpan.FromSeconds(quick ? 10 : 30), storage, TimeSpan.FromSeconds(5));
            rows.Add(row);
            if (storage == "Memory") sustained = row.CommandsPerSecond;
        });
    }
}

if (scenario == "throughput-redis" || (scenario == "all" && !quick))
{
    // A private redis-server on a free port, with nothing persisted: the store's own cost, not the disk's.
    var port = MutualAid.TestSupport.Ports.Free();
    using var redis = System.Diagnostics.Process.Start("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])!;
    try
    {
        await Task.Delay(500);
        await RunOn("Redis", async (app, grains, cookies) =>
            rows.Add(await Scenarios.Throughput(app, grains, cookies, 100, concurrency, volunteerCount, TimeSpan.FromSeconds(30), "Redis", TimeSpan.FromSeconds(5))), $"127.0.0.1:{port}");
    }
    finally
    {
        redis.Kill();
    }
}

if (scenario is "memory" or "all")
{
    await RunOn("Memory", async (app, grains, cookies) =>
    {
        rows.Add(await Scenarios.MemoryPerClient(app, grains, cookies, 1000));
        rows.Add(await Scenarios.MemoryPerRequestGrain(app, grains, quick ? 10_000 : 100_000));
    });
}

if (scenario is "circuits" or "all")
{
    // Production, as an operator runs it (the app serves a build's static web assets in every
    // environment); --environment Development shows what Development's extras cost a tab.
    foreach (var tabs in tabCounts)
    {
        await RunOn("Memory", async (app, grains, cookies) => rows.Add(await Scenarios.MemoryPerCircuit(app, grains, cookies, tabs, hold, floor, warm)), environment: environment);
    }
}

Console.WriteLine();
Console.WriteLine(Scenarios.Table(rows));
if (headline is not null && headlineBaseline is not null)
{
    if (harnessBaseline is not null)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(against the baseline in the harness process: p99 {harnessBaseline.Latency.P99:0.0} ms, ratio {headline.Latency.P99 / harnessBaseline.Latency.P99:0.00})"));
    }

    var cmds = double.IsNaN(sustained) ? headline.CommandsPerSecond : sustained;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"p99_ms={headline.Latency.P99:0.0} baseline_p99_ms={headlineBaseline.Latency.P99:0.0} ratio={headline.Latency.P99 / headlineBaseline.Latency.P99:0.00} cmds_per_s={cmds:0}"));
}

/// <summary>Prints each result as it lands, so a long run that is cut short still leaves its figures.</summary>
internal sealed class ObservableRows : List<Row>
{
    public new void Add(Row row)
    {
        base.Add(row);
        Console.Error.WriteLine(Scenarios.Table([row]).Split('\n')[2]);
    }
}
