using MutualAid.Notifications;

namespace MutualAid.Silo.Notifications;

[GenerateSerializer, Alias("MutualAid.Silo.OutboxState")]
public sealed class OutboxState
{
    /// <summary>Every message still open plus the newest finished ones whole, by key (the idempotency of Enqueue).</summary>
    [Id(0)] public Dictionary<string, OutboxEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Older finished messages, oldest first, kept only as a hash of their key and when they
    /// finished: enough for a message handed again to stay one message, at a few bytes each where a
    /// whole entry made every write of a busy outbox hundreds of kilobytes (issue 18). An outbox
    /// stored before this has none and moves its older finished entries here with its next write.
    /// </summary>
    [Id(170)] public List<FinishedKey> Finished { get; set; } = [];
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
