using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Hosting;
using MutualAid.Silo.Hosting;

namespace MutualAid.Bench;

internal sealed record Row(string Scenario, int Clients, Statistics Latency, double CommandsPerSecond, double Delivered, double CpuPercent, double MemoryMb, string Note)
{
    /// <summary>Size of one message as a client received it (0 when not measured).</summary>
    public int MessageBytes { get; init; }
}

internal static class Scenarios
{
    public static async Task<(AppUnderTest App, IHost Client, IGrainFactory Grains, string Cookies)> Start(string storage, string? redis = null, string environment = "Production", bool night = false)
    {
        var app = await AppUnderTest.Start(storage, redis, environment, night);
        var cookies = await app.SignInAsAdmin();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["MutualAid:GatewayPort"] = app.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["MutualAid:Storage"] = "Memory";
        builder.UseOrleansClient(c => c.AddMutualAidClient(builder.Configuration));
        var client = builder.Build();
        await client.StartAsync();
        return (app, client, client.Services.GetRequiredService<IGrainFactory>(), cookies);
    }

    /// <summary>Fan-out: one hub, N boards, commands at a steady rate; latency from send to every board.</summary>
    /// <remarks>
    /// The first <paramref name="warmUp"/> runs the same load unmeasured: the first seconds after
    /// start-up (JIT and tiering, thread pool growth, the first GCs with 1,000 sockets) are not what
    /// a hub that has been running sees, and in a short run they decided the p99.
    /// </remarks>
    public static async Task<Row> FanOut(AppUnderTest app, IGrainFactory grains, string cookies, int clients, double rate, TimeSpan duration, TimeSpan warmUp = default)
    {
        var (hub, boards, driver) = await Boards(app, grains, cookies, clients);
        await using var _ = boards;
        var pacer = new Pacer(rate);
        var warm = await ServerRuntime.WarmUp(app.Url, warmUp, () => driver.Lifecycle(hub, pacer.Wait));
        await Task.Delay(1000); // the warm-up's stragglers land before the samples are cleared
        await ServerRuntime.Settle(app.Url);
        boards.Reset();
        driver.Answered.Clear();
        var runtime = await ServerRuntime.Read(app.Url);
        pacer.Restart();
        var cpu = app.CpuTime();
        var commands = 0;
        while (pacer.Elapsed < duration) commands += await driver.Lifecycle(hub, pacer.Wait);
        var elapsed = pacer.Elapsed;
        var cpuUsed = app.CpuTime() - cpu;
        await Task.Delay(2000); // stragglers
        var server = ServerRuntime.Between(runtime, await ServerRuntime.Read(app.Url), commands);
        var latencies = boards.Latencies();
        return new Row($"fan-out 1 hub", clients, Statistics.Of(latencies), commands / elapsed.TotalSeconds,
            latencies.Length / (double)(commands * (long)clients), cpuUsed / elapsed * 100, app.ResidentBytes() / 1048576.0,
            $"{FanOutNote(rate, boards, driver, commands)}; {Warmed(warm)}; {server}")
        {
            MessageBytes = boards.MessageBytes,
        };
    }

    /// <summary>What a fan-out row says of its deltas and commands, whichever way it was measured.</summary>
    internal static string FanOutNote(double rate, Clients boards, Driver driver, long commands)
    {
        var deltas = boards.FirstClientMessages;
        // Stage timing: a command is answered once its request grain has written it and sent the
        // notice; the rest of a sample is the hub, the web tier and SignalR.
        var answered = Statistics.Of(driver.Answered.ToArray());
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{rate}/s target, {boards.MessageBytes} B deltas; one board got {deltas / (double)Math.Max(1, commands):0.00} deltas per command ({deltas} for {commands}); commands answered p50 {answered.P50:0.0} p99 {answered.P99:0.0} ms");
    }

    /// <summary>A new hub with five volunteers and <paramref name="clients"/> boards watching it, and a driver for its lifecycles.</summary>
    internal static async Task<(string Hub, Clients Boards, Driver Driver)> Boards(AppUnderTest app, IGrainFactory grains, string cookies, int clients)
    {
        var hub = await Driver.Hub(grains, "fan-" + clients + "-" + Guid.NewGuid().ToString("N")[..4]);
        var boards = await Clients.Connect<DeltaProbe>(app.Url, "/live/board", cookies, clients, "delta", Driver.KeysOf, c => c.InvokeAsync<System.Text.Json.JsonElement>("JoinHub", hub));
        var driver = new Driver(grains, boards.Sent);
        await driver.AddVolunteers(hub, 5);
        return (hub, boards, driver);
    }

    internal static string Warmed((TimeSpan Took, bool Settled) warm) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"warmed {warm.Took.TotalSeconds:0} s{(warm.Settled ? "" : " (JIT not settled)")}");

    /// <summary>The same clients, rate and message size through a bare SignalR hub in the harness's own process.</summary>
    public static async Task<Row> BaselineFanOut(int clients, double rate, TimeSpan duration, int messageBytes, TimeSpan warmUp = default)
    {
        await using var baseline = await Baseline.Start();
        await using var receivers = await Clients.Connect<Baseline.Probe>(baseline.Url, "/baseline", null, clients, "m", Baseline.KeysOf, _ => Task.CompletedTask);
        var padding = new string('x', Math.Max(0, messageBytes - 40));
        return await PacedBroadcasts(receivers, rate, duration, warmUp, seq => baseline.Hub.Clients.All.SendAsync("m", new { seq, pad = padding }),
            "baseline SignalR in the harness", "raw IHubContext broadcast, no Orleans");
    }

    /// <summary>
    /// Sends numbered broadcasts at <paramref name="rate"/>, unmeasured for <paramref name="warmUp"/> (as our
    /// fan-out is), then for <paramref name="duration"/>, marking each as sent, and reports what the receivers saw.
    /// </summary>
    private static async Task<Row> PacedBroadcasts(Clients receivers, double rate, TimeSpan duration, TimeSpan warmUp, Func<long, Task> send, string scenario, string note)
    {
        long seq = 0;
        async Task<long> Broadcast(TimeSpan lasting)
        {
            var stopwatch = Stopwatch.StartNew();
            long sent = 0;
            while (stopwatch.Elapsed < lasting)
            {
                sent++;
                seq++;
                receivers.Sent.Mark(seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await send(seq);
                var wait = TimeSpan.FromSeconds(sent / rate) - stopwatch.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
            }

            return sent;
        }

        await Broadcast(warmUp);
        await Task.Delay(1000);
        receivers.Reset();
        var clock = Stopwatch.StartNew();
        var measured = await Broadcast(duration);
        var elapsed = clock.Elapsed;
        await Task.Delay(2000); // stragglers
        var latencies = receivers.Latencies();
        return new Row(scenario, receivers.Count, Statistics.Of(latencies), measured / elapsed.TotalSeconds, latencies.Length / (double)(measured * receivers.Count), double.NaN, double.NaN,
            $"{note}, {receivers.MessageBytes} B messages");
    }

    /// <summary>As many lifecycle commands as the app sustains, with live fan-out to the boards.</summary>
    /// <remarks>Runs the same load unmeasured for at least <paramref name="warmUp"/> and until the JIT is quiet first, as <see cref="FanOut"/> does.</remarks>
    public static async Task<Row> Throughput(AppUnderTest app, IGrainFactory grains, string cookies, int clients, int concurrency, int volunteers, TimeSpan duration, string storage, TimeSpan warmUp = default)
    {
        var hub = await Driver.Hub(grains, "tp-" + Guid.NewGuid().ToString("N")[..6]);
        await using var boards = await Clients.Connect<DeltaProbe>(app.Url, "/live/board", cookies, clients, "delta", Driver.KeysOf, c => c.InvokeAsync<System.Text.Json.JsonElement>("JoinHub", hub));
        var driver = new Driver(grains, boards.Sent);
        // Each takes every Nth job, a quarter of an hour, within a daily limit of 24 h: 96 jobs a day each.
        await driver.AddVolunteers(hub, volunteers);
        // The same rule as fan-out: the load runs unmeasured for at least the warm-up and then until
        // the app's JIT is quiet. A fixed 5 s left ~11,000 methods to compile inside the measured 30 s.
        var warming = true;
        var warmers = Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Volatile.Read(ref warming)) await driver.Lifecycle(hub);
        }));
        var warm = await ServerRuntime.WarmUp(app.Url, warmUp, () => Task.Delay(500));
        Volatile.Write(ref warming, false);
        await warmers;
        await Task.Delay(1000);
        boards.Reset();
        var runtime = await ServerRuntime.Read(app.Url);
        var stopwatch = Stopwatch.StartNew();
        var cpu = app.CpuTime();
        var commands = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration) Interlocked.Add(ref commands, await driver.Lifecycle(hub));
        }));
        var elapsed = stopwatch.Elapsed;
        var cpuUsed = app.CpuTime() - cpu;
        // Read before the stragglers' pause: what the commands cost, not the idle seconds after them.
        var after = await ServerRuntime.Read(app.Url);
        await Task.Delay(2000);
        var latencies = boards.Latencies();
        // Per command, not per second: these do not depend on how busy the machine is.
        // Board messages per command (one client's): a hub that writes faster sends more, smaller deltas,
        // and every one costs each of the 100 connections a send, on both sides of this machine.
        var perCommand = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{cpuUsed.TotalMilliseconds / Math.Max(1, commands):0.00} CPU-ms per command; {boards.FirstClientMessages / (double)Math.Max(1, commands):0.00} board messages per command; {Warmed(warm)}; {ServerRuntime.Between(runtime, after, commands, "command")}");
        return new Row($"throughput ({storage})", clients, Statistics.Of(latencies), commands / elapsed.TotalSeconds,
            latencies.Length / (double)(commands * (long)clients), cpuUsed / elapsed * 100, app.ResidentBytes() / 1048576.0, $"{concurrency} lifecycles in parallel, {volunteers} volunteers; {perCommand}");
    }

    /// <summary>Server memory per connected board client: resident memory with N boards joined minus with none.</summary>
    public static async Task<Row> MemoryPerClient(AppUnderTest app, IGrainFactory grains, string cookies, int clients)
    {
        var hub = await Driver.Hub(grains, "mem-" + Guid.NewGuid().ToString("N")[..6]);
        await Task.Delay(2000);
        var before = app.ResidentBytes();
        await using var boards = await Clients.Connect<DeltaProbe>(app.Url, "/live/board", cookies, clients, "delta", Driver.KeysOf, c => c.InvokeAsync<System.Text.Json.JsonElement>("JoinHub", hub));
        await Task.Delay(3000);
        var after = app.ResidentBytes();
        var perClient = (after - before) / (double)clients / 1024;
        return new Row("memory per board client", clients, Statistics.Of([]), double.NaN, double.NaN, double.NaN, after / 1048576.0, $"{perClient:0.0} KB per client ({before / 1048576.0:0} → {after / 1048576.0:0} MB)");
    }

    /// <summary>
    /// Server memory per activated request grain (each created once and left active), spread over
    /// hubs of 100 requests each: one hub holding 100,000 open requests is not a board anyone runs,
    /// and its projection would dominate the figure.
    /// </summary>
    public static async Task<Row> MemoryPerRequestGrain(AppUnderTest app, IGrainFactory grains, int count)
    {
        var hubs = new List<string>();
        for (var h = 0; h < Math.Max(1, count / 100); h++) hubs.Add(await Driver.Hub(grains, $"grains-{h}-" + Guid.NewGuid().ToString("N")[..4]));
        await Task.Delay(1000);
        var before = app.ResidentBytes();
        var stopwatch = Stopwatch.StartNew();
        var created = 0;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async worker =>
        {
            for (var i = worker; i < count; i += 32)
            {
                var id = Guid.NewGuid();
                var result = await grains.GetGrain<MutualAid.Requests.IRequestGrain>(id).Create(new MutualAid.Requests.NewRequest(hubs[i % hubs.Count], MutualAid.Requests.RequestCategory.Food,
                    MutualAid.Requests.Urgency.Low, $"Area {i}", "Food", new MutualAid.Common.ContactDetails("P", null, $"{id:N}@x.example", null),
                    MutualAid.Requests.RequestSource.Import, new MutualAid.Common.Actor("bench", "Bench")));
                if (result.IsOk) Interlocked.Increment(ref created);
            }
        }));
        var elapsed = stopwatch.Elapsed;
        await Task.Delay(2000);
        var after = app.ResidentBytes();
        return new Row("memory per request grain", created, Statistics.Of([]), created / elapsed.TotalSeconds, double.NaN, double.NaN, after / 1048576.0,
            $"{(after - before) / (double)created:0} B per request incl. its hub entry ({before / 1048576.0:0} → {after / 1048576.0:0} MB)");
    }

    /// <summary>
    /// Server memory per Blazor circuit: with N headless Chromium tabs showing a hub board (each
    /// tab is its own circuit) minus with the browser open and the warm-up tabs. Two readings:
    /// resident memory (what the machine pays, including the headroom server GC keeps) and live
    /// managed bytes after a full compacting collection (what the circuits actually hold).
    /// </summary>
    private const int TabsPerBatch = 20;

    public static async Task<Row> MemoryPerCircuit(AppUnderTest app, IGrainFactory grains, string cookies, int pages, TimeSpan hold, bool floor = false, int warm = 20)
    {
        var hub = await Driver.Hub(grains, "circ-" + Guid.NewGuid().ToString("N")[..6]);
        var driver = new Driver(grains, new Sent());
        await driver.AddVolunteers(hub, 10);
        for (var i = 0; i < 30; i++) await driver.Create(hub); // a board with something on it
        await using var browser = await Chromium.Launch(app.Url, cookies);
        // Warm-up tabs first (20 unless --warm says): the first board JIT-compiles and caches Blazor's
        // and Radzen's code once per process, which is not a per-circuit cost. Tiered compilation goes on
        // recompiling hot methods for many tabs after that (the JIT count in the note shows how many).
        for (var i = 0; i < warm; i++) await browser.OpenBoard(hub);
        await Task.Delay(2000);
        var heapBefore = await app.LiveManagedBytes();
        var before = app.ResidentBytes();
        var footprintBefore = await Footprint.Read(app);
        // In batches, each tab waiting for its live board (its circuit), with a pause between batches so
        // a starved browser catches up; each 50 tabs get their own browser process (Chromium.TabsPerBrowser).
        for (var i = 0; i < pages; i++)
        {
            if (floor) await browser.OpenSmallPage(hub);
            else await browser.OpenBoard(hub);
            if ((i + 1) % TabsPerBatch == 0 && i + 1 < pages)
            {
                Console.Error.WriteLine($"{i + 1} of {pages} tabs open (load average {File.ReadAllText("/proc/loadavg").Trim()})");
                await Task.Delay(2000);
            }
        }

        await Task.Delay(3000);
        var heapAfter = await app.LiveManagedBytes();
        var after = app.ResidentBytes();
        var footprintAfter = await Footprint.Read(app);
        // Honest only if every tab still has its circuit: a dropped one would hide its memory.
        var live = await browser.LiveTabs() - warm;
        if (live != pages) Console.Error.WriteLine($"only {live} of {pages} tabs still show a live board");
        if (hold > TimeSpan.Zero)
        {
            Console.Error.WriteLine($"{pages} tabs open on app process {app.Pid} for {hold.TotalSeconds:0} s");
            await Task.Delay(hold);
        }

        var perCircuit = (after - before) / (double)pages / 1024;
        var heapPerCircuit = (heapAfter - heapBefore) / (double)pages / 1024;
        return new Row("memory per Blazor circuit", pages, Statistics.Of([]), double.NaN, double.NaN, double.NaN, after / 1048576.0,
            $"{perCircuit:0} KB resident per {(floor ? "small-page" : "hub-board")} tab ({before / 1048576.0:0} → {after / 1048576.0:0} MB); " +
            $"{heapPerCircuit:0} KB live managed heap per {(floor ? "tab on the small together page (the floor)" : "tab")} ({heapBefore / 1048576.0:0.0} → {heapAfter / 1048576.0:0.0} MB); after {warm} warm-up tabs; " +
            $"{live} of {pages} tabs live at the end, {browser.Browsers} browser process(es); {Footprint.PerTab(footprintBefore, footprintAfter, pages)}");
    }

    public static string Table(IEnumerable<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | clients | p50 ms | p95 ms | p99 ms | max ms | cmds/s | delivered | server CPU % | server MB | note |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in rows)
        {
            text.AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Clients} | {r.Latency.P50:0.0} | {r.Latency.P95:0.0} | {r.Latency.P99:0.0} | {r.Latency.Max:0.0} | {r.CommandsPerSecond:0} | {r.Delivered:P1} | {r.CpuPercent:0} | {r.MemoryMb:0} | {r.Note} |"));
        }

        return text.ToString();
    }
}
