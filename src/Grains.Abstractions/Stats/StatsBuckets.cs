namespace MutualAid.Stats;

/// <summary>
/// Durations kept as counts per bucket. A median read from them is the upper edge of the bucket
/// holding the middle value: "half were assigned within 2 hours", which is what a reader wants and
/// all a dozen numbers can honestly say.
/// </summary>
public static class StatsBuckets
{
    /// <summary>Upper edges; one more bucket holds everything longer than the last.</summary>
    public static IReadOnlyList<TimeSpan> UpperBounds { get; } =
    [
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(12), TimeSpan.FromDays(1),
        TimeSpan.FromDays(2), TimeSpan.FromDays(3), TimeSpan.FromDays(7),
    ];

    public static int Count => UpperBounds.Count + 1;

    public static int BucketOf(TimeSpan duration)
    {
        for (var i = 0; i < UpperBounds.Count; i++)
        {
            if (duration <= UpperBounds[i]) return i;
        }

        return UpperBounds.Count;
    }

    /// <summary>The counts with one more in the bucket of <paramref name="duration"/>.</summary>
    public static IReadOnlyList<int> With(IReadOnlyList<int> counts, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var copy = Sized(counts);
        copy[BucketOf(duration)]++;
        return copy;
    }

    public static IReadOnlyList<int> Add(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sum = Sized(a);
        for (var i = 0; i < b.Count && i < sum.Length; i++) sum[i] += b[i];
        return sum;
    }

    /// <summary>
    /// The upper edge of the bucket holding the middle value; null with no values. For the last
    /// bucket it is the last edge (read as "more than").
    /// </summary>
    public static TimeSpan? Median(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        if (total == 0) return null;
        var seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen * 2 >= total) return UpperBounds[Math.Min(i, UpperBounds.Count - 1)];
        }

        return UpperBounds[^1];
    }

    /// <summary>True when the median sits past the last edge.</summary>
    public static bool MedianIsLonger(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        return total > 0 && counts.Take(UpperBounds.Count).Sum() * 2 < total;
    }

    private static int[] Sized(IReadOnlyList<int> counts)
    {
        var copy = new int[Count];
        for (var i = 0; i < counts.Count && i < copy.Length; i++) copy[i] = counts[i];
        return copy;
    }
}
