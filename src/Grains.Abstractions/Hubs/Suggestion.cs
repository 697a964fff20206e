namespace MutualAid.Hubs;

/// <summary>
/// A ranked candidate for a request (a volunteer to send, an offer to draw down), with the
/// plain-words reasons and warnings a dispatcher can check.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Suggestion`1")]
public sealed record Suggestion<T>(
    [property: Id(0)] T Candidate,
    [property: Id(1)] double Score,
    [property: Id(2)] IReadOnlyList<Phrase> Reasons,
    [property: Id(3)] IReadOnlyList<Phrase> Warnings);
