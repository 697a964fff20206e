namespace MutualAid.Common;

/// <summary>
/// Answer to a stale command: names who changed the entity, what they did and when, so a
/// dispatcher reads "Sam assigned this to Priya 4 s ago" instead of a silent overwrite (the web
/// tier words it in the reader's language: LocalizerExtensions.Describe). A response, never
/// persisted; Id 3 (the change in English, now derived from Said) stays unused.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Conflict")]
public sealed record Conflict(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] int CurrentVersion,
    [property: Id(2)] Actor ChangedBy,
    [property: Id(5)] Phrase Said,
    [property: Id(4)] DateTimeOffset ChangedAt)
{
    /// <summary>The change in English (logs, the JSON API).</summary>
    public string Change => Said.ToString();
}
