using MutualAid.Requests;

namespace MutualAid.Safety;

/// <summary>A check a volunteer still needs (missing or expired) before they can take <see cref="Category"/> requests.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.CheckNeeded")]
public sealed record CheckNeeded([property: Id(0)] RequestCategory Category, [property: Id(1)] string Check);
