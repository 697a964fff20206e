namespace MutualAid.Requests;

/// <summary>A recurring request: its pattern, its occurrences so far and when the next one comes.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.SeriesView")]
public sealed record SeriesView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string HubSlug,
    [property: Id(2)] RepeatEvery Every,
    [property: Id(3)] DateTimeOffset? NextDue,
    [property: Id(4)] IReadOnlyList<Guid> Occurrences,
    [property: Id(5)] Actor StartedBy,
    [property: Id(6)] Actor? StoppedBy);
