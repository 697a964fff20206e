using System.Diagnostics;
using System.Globalization;

namespace MutualAid.Bench;

/// <summary>
/// Our fan-out and the in-app bare-SignalR baseline measured in alternating rounds, both sets of
/// clients connected throughout, instead of one whole phase after the other. Measured one after the
/// other, the two p99s that make the ratio were taken minutes apart on a 2-core machine whose load
/// drifts: three quick runs at 1,000 boards gave the baseline 37, 87 and 91 ms and the ratio 1.71,
/// 1.46 and 2.49 (docs/benchmarks.md). At 10 broadcasts a second a p99 is decided by the worst two
/// or three broadcasts of a side, so each side also gets more of them (rounds × slice).
/// </summary>
internal static class SideBySide
{
    public static async Task<(Row Ours, Row Baseline)> FanOut(AppUnderTest app, IGrainFactory grains, string cookies, int clients, double rate, int rounds, TimeSpan slice, TimeSpan warmUp)
    {
        var (hub, boards, driver) = await Scenarios.Boards(app, grains, cookies, clients);
        await using var _ = boards;
        var oursPacer = new Pacer(rate);
        var oursWarm = await ServerRuntime.WarmUp(app.Url, warmUp, () => driver.Lifecycle(hub, oursPacer.Wait));

        // The same message size as our deltas measured a moment ago.
        var bytes = boards.MessageBytes > 0 ? boards.MessageBytes : 850;
        await using var receivers = await Clients.Connect<Baseline.Probe>(app.Url, "/bench/baseline", null, clients, "m", Baseline.KeysOf, _ => Task.CompletedTask);
        using var http = new HttpClient { BaseAddress = app.Url };
        var basePacer = new Pacer(rate);
        long seq = 0;
        async Task<int> Broadcast()
        {
            await basePacer.Wait();
            seq++;
            receivers.Sent.Mark(seq.ToString(CultureInfo.InvariantCulture));
            using var response = await http.PostAsync(new Uri($"/bench/baseline/broadcast?seq={seq}&bytes={bytes}", UriKind.Relative), null);
            response.EnsureSuccessStatusCode();
            return 1;
        }

        var baseWarm = await ServerRuntime.WarmUp(app.Url, warmUp, () => Broadcast());

        await Task.Delay(1000); // the warm-ups' stragglers land before the samples are cleared
        await ServerRuntime.Settle(app.Url);
        boards.Reset();
        receivers.Reset();
        driver.Answered.Clear();
        var ours = new Tally(app, oursPacer, () => driver.Lifecycle(hub, oursPacer.Wait));
        var theirs = new Tally(app, basePacer, Broadcast);
        for (var round = 0; round < rounds; round++)
        {
            // Each goes first in every other round, so neither always starts on the other's garbage.
            var (first, second) = round % 2 == 0 ? (ours, theirs) : (theirs, ours);
            await first.Measure(slice);
            await second.Measure(slice);
        }

        await Task.Delay(2000); // stragglers
        var latencies = boards.Latencies();
        var took = $"{rounds} rounds of {slice.TotalSeconds:0} s alternating with the in-app baseline";
        var oursRow = new Row("fan-out 1 hub", clients, Statistics.Of(latencies), ours.Count / ours.Elapsed.TotalSeconds,
            latencies.Length / (double)(ours.Count * (long)clients), ours.Cpu / ours.Elapsed * 100, app.ResidentBytes() / 1048576.0,
            $"{Scenarios.FanOutNote(rate, boards, driver, ours.Count)}; {took}; {Scenarios.Warmed(oursWarm)}; {ours.Server("broadcast")}")
        {
            MessageBytes = boards.MessageBytes,
        };
        var baseLatencies = receivers.Latencies();
        var baseRow = new Row("baseline SignalR in the app", clients, Statistics.Of(baseLatencies), theirs.Count / theirs.Elapsed.TotalSeconds,
            baseLatencies.Length / (double)(theirs.Count * (long)clients), double.NaN, double.NaN,
            $"same process as ours, no Orleans, {receivers.MessageBytes} B messages; {took}; {Scenarios.Warmed(baseWarm)}; {theirs.Server("broadcast")}");
        return (oursRow, baseRow);
    }

    /// <summary>One side's measured slices added up: time, commands or broadcasts, the app's CPU and runtime figures.</summary>
    private sealed class Tally(AppUnderTest app, Pacer pacer, Func<Task<int>> step)
    {
        private ServerRuntime? runtime = new(0, 0, 0, 0, 0, 0);

        public TimeSpan Elapsed { get; private set; }

        public long Count { get; private set; }

        public TimeSpan Cpu { get; private set; }

        public async Task Measure(TimeSpan slice)
        {
            var before = await ServerRuntime.Read(app.Url);
            var cpu = app.CpuTime();
            var clock = Stopwatch.StartNew();
            pacer.Restart();
            while (pacer.Elapsed < slice) Count += await step();
            Elapsed += clock.Elapsed;
            Cpu += app.CpuTime() - cpu;
            var after = await ServerRuntime.Read(app.Url);
            runtime = before is null || after is null || runtime is null ? null : runtime.Plus(after.Since(before));
        }

        public string Server(string each) => runtime is null ? "server: no /bench/runtime in this build" : runtime.Describe(Count, each);
    }
}
