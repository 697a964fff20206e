namespace MutualAid.Requests;

/// <summary>Which recurring series a request is an occurrence of.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.SeriesLink")]
public sealed record SeriesLink([property: Id(0)] Guid SeriesId, [property: Id(1)] int Occurrence, [property: Id(2)] RepeatEvery Every);
