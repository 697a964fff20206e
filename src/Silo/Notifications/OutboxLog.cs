using MutualAid.Silo.Sqlite.Storage;
using MutualAid.Notifications;

namespace MutualAid.Silo.Notifications;

/// <summary>
/// The outbox's recent changes, stored apart from its open state ("outbox-log") once that state
/// holds more than <see cref="OutboxGrain.LogLimit"/> messages: in quiet hours every non-critical
/// message of the night waits in the open state, and each hand, lease and report wrote them all
/// again (issue 18). With the log a write carries at most the log's room of changes (about
/// √(2 × open × changes a write), and at least an eighth of the open messages: see the outbox's
/// LogRoom), and the whole open state is written once the log is full. Each change holds the entry as it then stood
/// (null: it left the open state), numbered so activation replays only what the whole state lacks.
/// </summary>
[GenerateSerializer, Alias("MutualAid.Silo.OutboxLog")]
public sealed class OutboxLog : IErasableState
{
    /// <summary>Changes not yet in the stored open state, oldest first.</summary>
    [Id(0)] public List<OutboxChange> Changes { get; set; } = [];

    /// <summary>The number of the last change ever logged; numbers never repeat.</summary>
    [Id(1)] public long LastNumber { get; set; }

    /// <summary>Asks the store for one erasing write (<see cref="OutboxGrain.Forget"/>); never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

/// <summary>One message's entry after a change, or null where it left the open state (for the history).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.OutboxChange")]
public sealed record OutboxChange([property: Id(0)] long Number, [property: Id(1)] string Key, [property: Id(2)] OutboxEntry? Entry);
