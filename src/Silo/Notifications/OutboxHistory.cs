using MutualAid.Silo.Sqlite.Storage;
using MutualAid.Notifications;

namespace MutualAid.Silo.Notifications;

/// <summary>
/// A hub's finished messages, stored apart from its open ones ("outbox-history"): the newest
/// <see cref="OutboxOptions.KeepWhole"/> whole (what the coordinators' view and a person's page
/// show, and what a resend starts from) and older ones as keys only. Every hand, lease and report
/// writes the open state; this one is written once per batch of finished messages, so the open
/// state's write no longer carries the history (issue 18: it was the largest managed item left).
/// </summary>
[GenerateSerializer, Alias("MutualAid.Silo.OutboxHistory")]
public sealed class OutboxHistory : IErasableState
{
    /// <summary>The newest finished messages, whole, by key.</summary>
    [Id(0)] public Dictionary<string, OutboxEntry> Whole { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Older finished messages, oldest first, as <see cref="OutboxKeys.Hash"/> of their key and when they finished.</summary>
    [Id(1)] public List<FinishedKey> Keys { get; set; } = [];

    /// <summary>Asks the store for one erasing write (<see cref="OutboxGrain.Forget"/>); never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}
