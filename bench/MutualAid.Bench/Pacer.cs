using System.Diagnostics;

namespace MutualAid.Bench;

/// <summary>
/// Spaces commands at a steady rate. A command that runs late does not push the ones after it back:
/// the next is due one interval after the previous was due, so the rate holds on average.
/// </summary>
internal sealed class Pacer(double rate)
{
    private readonly TimeSpan interval = TimeSpan.FromSeconds(1 / rate);
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();
    private TimeSpan nextAt;

    public TimeSpan Elapsed => stopwatch.Elapsed;

    /// <summary>Starts the clock again (after a warm-up), with the next command due one interval from now.</summary>
    public void Restart()
    {
        stopwatch.Restart();
        nextAt = TimeSpan.Zero;
    }

    public async Task Wait()
    {
        nextAt += interval;
        var wait = nextAt - stopwatch.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }
}
