using MutualAid.Notifications;

namespace MutualAid.Silo.Notifications;

[GenerateSerializer, Alias("MutualAid.Silo.OutboxState")]
public sealed class OutboxState
{
    /// <summary>Every message still open plus a bounded history, by key (the idempotency of Enqueue).</summary>
    [Id(0)] public Dictionary<string, OutboxEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
