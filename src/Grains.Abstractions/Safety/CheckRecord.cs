namespace MutualAid.Safety;

/// <summary>A coordinator saw a volunteer's check: which, when it was seen, when it runs out, and who wrote it down.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.CheckRecord")]
public sealed record CheckRecord(
    [property: Id(0)] string Check,
    [property: Id(1)] DateTimeOffset SeenOn,
    [property: Id(2)] DateTimeOffset? ExpiresAt,
    [property: Id(3)] Actor RecordedBy,
    [property: Id(4)] DateTimeOffset RecordedAt)
{
    /// <summary>An expired check counts as missing.</summary>
    public bool CurrentAt(DateTimeOffset now) => ExpiresAt is not { } until || now < until;
}
