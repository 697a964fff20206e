namespace MutualAid.Safety;

/// <summary>One step of a concern's process, with the note written at it: the concern's own audit trail.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ConcernStep")]
public sealed record ConcernStep(
    [property: Id(0)] ConcernStage Stage,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Actor By,
    [property: Id(3)] string Note);
