namespace MutualAid.Silo.Hosting;

/// <summary>
/// References to the few string-keyed grains an activation calls again and again (its hubs' boards
/// and outboxes), made once. Orleans' <c>GetGrain</c> resolves the interface by reading its
/// attributes on every call, which a profile of the throughput benchmark showed as 2-3 % of the
/// server's CPU (docs/benchmarks.md, issue 18); a reference is immutable and safe to keep.
/// Not thread-safe: one per activation, used from its turns.
/// </summary>
internal sealed class KeyedGrains<T>(IGrainFactory grains)
    where T : IGrainWithStringKey
{
    private readonly Dictionary<string, T> made = new(StringComparer.Ordinal);

    public T this[string key]
    {
        get
        {
            if (!made.TryGetValue(key, out var grain)) made[key] = grain = grains.GetGrain<T>(key);
            return grain;
        }
    }
}
