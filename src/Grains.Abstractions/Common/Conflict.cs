namespace MutualAid.Common;

/// <summary>
/// Answer to a stale command: names who changed the entity, what they did and when, so a
/// dispatcher reads "Sam assigned this to Priya 4 s ago" instead of a silent overwrite (the web
/// tier words it in the reader's language: LocalizerExtensions.Describe).
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Conflict")]
public sealed record Conflict(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] int CurrentVersion,
    [property: Id(2)] Actor ChangedBy,
    [property: Id(3)] string Change,
    [property: Id(4)] DateTimeOffset ChangedAt)
{
    /// <summary>The change as a phrase (the audit entry's), for readers in other languages.</summary>
    [Id(5)] public Phrase? Said { get; init; }
}
