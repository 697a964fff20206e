namespace MutualAid.Bench;

/// <summary>Latency summary by the nearest-rank method: the p-th percentile is the smallest sample with at least p% of samples at or below it.</summary>
public sealed record Statistics(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Statistics Of(IReadOnlyCollection<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) return new Statistics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = samples.Order().ToArray();
        return new Statistics(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1], sorted.Average());
    }

    /// <summary><paramref name="sorted"/> must be in ascending order.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0) return double.NaN;
        if (percent is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percent));
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
