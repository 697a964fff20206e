namespace MutualAid.Neighbourhoods;

/// <summary>Which of a hub's projections an entity lives in, for <see cref="INeighbourhoodGrain.Holds"/>.</summary>
[GenerateSerializer, Alias("MutualAid.HeldKind")]
public enum HeldKind
{
    Request = 0,
    Volunteer = 1,
    Offer = 2,
}

/// <summary>"Does the board hold this entity at this version or later?"</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.HeldEntry")]
public sealed record HeldEntry([property: Id(0)] HeldKind Kind, [property: Id(1)] Guid Id, [property: Id(2)] int Version);
