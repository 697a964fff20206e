using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;

namespace MutualAid.Bench;

/// <summary>One process of a cluster run: what it held and what the run cost it.</summary>
/// <param name="Boards">Board connections the harness opened to it (front-ends only).</param>
/// <param name="Watchers">Board watchers it reported on /metrics at the end of the run (NaN: not a front-end).</param>
/// <param name="IdleCpuPercent">CPU with the boards connected and no commands: keep-alives, membership, timers.</param>
/// <param name="CpuMsPerCommand">CPU-milliseconds per command over the measured window, idle CPU included.</param>
/// <param name="NetCpuMsPerCommand">The same with the idle rate taken out: what one more command costs.</param>
/// <param name="KbPerBoard">Resident memory grown while its boards connected, per board.</param>
/// <param name="MicrosecondsPerDelivery">Net CPU per change shown on one board connected to it.</param>
internal sealed record ProcessRow(string Name, int Boards, double Watchers, double IdleCpuPercent, double CpuPercent, double CpuMsPerCommand, double NetCpuMsPerCommand,
    double MbBeforeBoards, double MbAtEnd, double KbPerBoard, double DeliveriesPerSecond, double MicrosecondsPerDelivery, Statistics Latency);

/// <summary>
/// The fan-out and hubs scenarios against a cluster (<see cref="ClusterUnderTest"/>): each hub's
/// boards spread evenly over the front-ends, every hub driven at a steady rate, and the cost
/// measured in every process over one common window.
/// </summary>
internal static class ClusterScenarios
{
    /// <remarks>
    /// Order: boards connect; the load runs unmeasured for <paramref name="warmUp"/>, then measured
    /// for <paramref name="duration"/>; then an idle window (boards still connected, no commands)
    /// gives each process's standing cost, which "net" figures take out.
    /// Hubs start a fraction of an interval apart so their commands do not arrive in bursts.
    /// </remarks>
    public static async Task<(Row Summary, IReadOnlyList<ProcessRow> Processes)> Run(ClusterUnderTest cluster, IGrainFactory grains, IReadOnlyList<string> cookies,
        string scenario, int hubs, int boardsPerHub, double ratePerHub, TimeSpan duration, TimeSpan warmUp, TimeSpan idle)
    {
        var processes = cluster.Processes().Append((Name: "harness", Pid: Environment.ProcessId)).ToArray();
        var webs = cluster.Webs;
        var beforeBoards = processes.Select(p => ProcessLoad.ResidentBytes(p.Pid)).ToArray();
        var slugs = new string[hubs];
        var drivers = new Driver[hubs];
        var boards = new List<(int Web, Clients Clients)>();
        try
        {
            for (var h = 0; h < hubs; h++)
            {
                var hub = slugs[h] = await Driver.Hub(grains, $"cl-{hubs}x{boardsPerHub}-{h}-" + Guid.NewGuid().ToString("N")[..4]);
                var sent = new Sent();
                for (var w = 0; w < webs.Count; w++)
                {
                    var count = boardsPerHub / webs.Count + (w < boardsPerHub % webs.Count ? 1 : 0);
                    boards.Add((w, await Clients.Connect<DeltaProbe>(webs[w], "/live/board", cookies[w], count, "delta", Driver.KeysOf,
                        c => c.InvokeAsync<System.Text.Json.JsonElement>("JoinHub", hub), sent)));
                }

                drivers[h] = new Driver(grains, sent);
                await drivers[h].AddVolunteers(hub, 5);
            }

            await Task.Delay(2000);
            var connected = processes.Select(p => ProcessLoad.ResidentBytes(p.Pid)).ToArray();

            var phase = 0; // 0 warm-up, 1 measured, 2 over
            var measured = new int[hubs];
            var loops = Enumerable.Range(0, hubs).Select(h => Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(h / (ratePerHub * hubs)));
                var pacer = new Pacer(ratePerHub);
                async Task Tick()
                {
                    await pacer.Wait();
                    switch (Volatile.Read(ref phase))
                    {
                        case 1: Interlocked.Increment(ref measured[h]); break;
                        case 2: throw new OperationCanceledException(); // a lifecycle cut short; nothing more is sent
                    }
                }

                try
                {
                    while (true) await drivers[h].Lifecycle(slugs[h], Tick);
                }
                catch (OperationCanceledException)
                {
                }
            })).ToArray();

            await Task.Delay(warmUp);
            foreach (var (_, clients) in boards) clients.Reset();
            var cpuStart = processes.Select(p => ProcessLoad.CpuTime(p.Pid)).ToArray();
            var clock = Stopwatch.StartNew();
            Volatile.Write(ref phase, 1);
            await Task.Delay(duration);
            Volatile.Write(ref phase, 2);
            var elapsed = clock.Elapsed;
            var cpu = processes.Select((p, i) => ProcessLoad.CpuTime(p.Pid) - cpuStart[i]).ToArray();
            await Task.WhenAll(loops);
            await Task.Delay(2000); // stragglers
            var atEnd = processes.Select(p => ProcessLoad.ResidentBytes(p.Pid)).ToArray();
            // Measured after the load, not before it: just after 1,000 boards connect, the front-ends
            // are still settling them (a first run found more CPU "idle" than under load).
            var idleStart = processes.Select(p => ProcessLoad.CpuTime(p.Pid)).ToArray();
            await Task.Delay(idle);
            var idleCpu = processes.Select((p, i) => (ProcessLoad.CpuTime(p.Pid) - idleStart[i]) / idle).ToArray();
            var commands = measured.Sum();

            var rows = new List<ProcessRow>();
            for (var i = 0; i < processes.Length; i++)
            {
                var (name, _) = processes[i];
                var web = name.StartsWith("web", StringComparison.Ordinal) ? int.Parse(name[3..], CultureInfo.InvariantCulture) - 1 : -1;
                var mine = boards.Where(b => b.Web == web).Select(b => b.Clients).ToArray();
                var latencies = mine.SelectMany(c => c.Latencies()).ToArray();
                var net = cpu[i] - idleCpu[i] * elapsed;
                var count = mine.Sum(c => c.Count);
                rows.Add(new ProcessRow(name, count, web >= 0 ? await ClusterUnderTest.Watchers(webs[web]) : double.NaN,
                    idleCpu[i] * 100, cpu[i] / elapsed * 100, cpu[i].TotalMilliseconds / commands, net.TotalMilliseconds / commands,
                    beforeBoards[i] / 1048576.0, atEnd[i] / 1048576.0, count > 0 ? (connected[i] - beforeBoards[i]) / 1024.0 / count : double.NaN,
                    latencies.Length / elapsed.TotalSeconds, latencies.Length > 0 ? net.TotalMicroseconds / latencies.Length : double.NaN, Statistics.Of(latencies)));
            }

            var all = boards.SelectMany(b => b.Clients.Latencies()).ToArray();
            var cluster0 = Enumerable.Range(0, processes.Length - 1).ToArray(); // every process but the harness
            var summary = new Row($"cluster: {scenario}", boards.Sum(b => b.Clients.Count), Statistics.Of(all), commands / elapsed.TotalSeconds,
                all.Length / ((double)commands * boardsPerHub), cluster0.Sum(i => cpu[i] / elapsed) * 100, cluster0.Sum(i => atEnd[i]) / 1048576.0,
                $"{webs.Count} front-ends, silos and Redis summed; {ratePerHub.ToString(CultureInfo.InvariantCulture)}/s per hub; {boards[0].Clients.MessageBytes} B deltas");
            return (summary, rows);
        }
        finally
        {
            await Task.WhenAll(boards.Select(b => b.Clients.DisposeAsync().AsTask()));
        }
    }

    public static string Table(string title, IEnumerable<ProcessRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(title);
        text.AppendLine();
        text.AppendLine("| process | boards | watchers (/metrics) | idle CPU % | CPU % | CPU ms/cmd | net CPU ms/cmd | MB before boards | MB at end | KB/board | deliveries/s | net µs/delivery | p50 ms | p99 ms |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Boards} | {r.Watchers:0} | {r.IdleCpuPercent:0.0} | {r.CpuPercent:0.0} | {r.CpuMsPerCommand:0.00} | {r.NetCpuMsPerCommand:0.00} | {r.MbBeforeBoards:0} | {r.MbAtEnd:0} | {r.KbPerBoard:0.0} | {r.DeliveriesPerSecond:0} | {r.MicrosecondsPerDelivery:0.0} | {r.Latency.P50:0.0} | {r.Latency.P99:0.0} |"));
        }

        return text.ToString();
    }
}
