using MutualAid.Requests;

namespace MutualAid.Safety;

/// <summary>Requests of <see cref="Category"/> go only to volunteers holding a current <see cref="Check"/>.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.CheckRequirement")]
public sealed record CheckRequirement([property: Id(0)] RequestCategory Category, [property: Id(1)] string Check);
