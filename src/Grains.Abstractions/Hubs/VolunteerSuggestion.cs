using MutualAid.Volunteers;

namespace MutualAid.Hubs;

/// <summary>A ranked candidate for a request, with the plain-words reasons a dispatcher can check.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerSuggestion")]
public sealed record VolunteerSuggestion(
    [property: Id(0)] VolunteerSummary Volunteer,
    [property: Id(1)] double Score,
    [property: Id(2)] IReadOnlyList<Phrase> Reasons,
    [property: Id(3)] IReadOnlyList<Phrase> Warnings);
