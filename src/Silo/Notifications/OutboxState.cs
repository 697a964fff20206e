using MutualAid.Silo.Sqlite.Storage;
using MutualAid.Notifications;

namespace MutualAid.Silo.Notifications;

[GenerateSerializer, Alias("MutualAid.Silo.OutboxState")]
public sealed class OutboxState : IErasableState
{
    /// <summary>
    /// Every message still open, plus those finished since the history was last written (a few;
    /// see <see cref="OutboxHistory"/>), by key (the idempotency of Enqueue). An outbox stored
    /// before the history had its own state holds its finished ones here and moves them with its
    /// next write.
    /// </summary>
    [Id(0)] public Dictionary<string, OutboxEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Where older finished messages were kept as keys before they moved to
    /// <see cref="OutboxHistory.Keys"/>: read only from an outbox stored then, and emptied into the
    /// history by its next write.
    /// </summary>
    [Id(170)] public List<FinishedKey> Finished { get; set; } = [];

    /// <summary>The number of the last logged change (<see cref="OutboxLog"/>) these entries hold.</summary>
    [Id(171)] public long LoggedThrough { get; set; }

    /// <summary>Asks the store for one erasing write (<see cref="OutboxGrain.Forget"/>); never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

/// <summary>A finished message no longer kept whole: <see cref="OutboxKeys.Hash"/> of its key.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.FinishedKey")]
public readonly record struct FinishedKey([property: Id(0)] ulong Hash, [property: Id(1)] DateTimeOffset At);

/// <summary>A stable 64-bit hash of a message key (FNV-1a; string.GetHashCode differs per process).</summary>
internal static class OutboxKeys
{
    public static ulong Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
