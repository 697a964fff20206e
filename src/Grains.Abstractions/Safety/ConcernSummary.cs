namespace MutualAid.Safety;

/// <summary>A line of a hub's concern list: enough to pick one, nothing of what was said.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ConcernSummary")]
public sealed record ConcernSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTimeOffset RaisedAt,
    [property: Id(2)] ConcernStage Stage,
    [property: Id(3)] DateTimeOffset ChangedAt);
