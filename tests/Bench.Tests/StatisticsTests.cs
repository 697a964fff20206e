namespace MutualAid.Bench.Tests;

public sealed class StatisticsTests
{
    [Fact]
    public void Percentiles_use_the_nearest_rank_on_unsorted_input()
    {
        // 1..100 shuffled: the p-th percentile by nearest rank is exactly p.
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).OrderBy(i => (i * 37) % 101).ToArray();
        var stats = Statistics.Of(samples);
        Assert.Equal((100, 50.0, 95.0, 99.0, 100.0, 50.5), (stats.Count, stats.P50, stats.P95, stats.P99, stats.Max, stats.Mean));
    }

    [Fact]
    public void Small_samples_round_the_rank_up()
    {
        double[] sorted = [10, 20, 30, 40];
        Assert.Equal(20, Statistics.Percentile(sorted, 50)); // rank ceil(2.0) = 2
        Assert.Equal(30, Statistics.Percentile(sorted, 51)); // rank ceil(2.04) = 3
        Assert.Equal(40, Statistics.Percentile(sorted, 99)); // rank ceil(3.96) = 4
        Assert.Equal(10, Statistics.Percentile(sorted, 0)); // the smallest rank is the first sample
    }

    [Fact]
    public void A_single_sample_is_every_percentile_and_no_samples_are_not_a_number()
    {
        var one = Statistics.Of([7.5]);
        Assert.Equal((7.5, 7.5, 7.5, 7.5), (one.P50, one.P95, one.P99, one.Max));
        var none = Statistics.Of([]);
        Assert.Equal(0, none.Count);
        Assert.True(double.IsNaN(none.P99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.Percentile([1.0], 101));
    }
}
