using MutualAid.Requests;

namespace MutualAid.Stats;

/// <summary>One change of a request the hub kept, as its figures take it (a batch rides one notice per hub write).</summary>
/// <param name="HoursGiven">Hours the volunteers gave, once the request is delivered.</param>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestCounted")]
public sealed record RequestCounted(
    [property: Id(0)] RequestSummary Request,
    [property: Id(1)] double HoursGiven)
{
    /// <summary>The hub it was passed from, when another hub passed it to this one.</summary>
    [Id(2)] public string? MovedFrom { get; init; }
}
