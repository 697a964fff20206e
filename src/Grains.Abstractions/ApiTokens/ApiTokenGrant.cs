namespace MutualAid.ApiTokens;

/// <summary>What a verified token lets its bearer do: which hub, how far, and the name its audit entries carry.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ApiTokenGrant")]
public sealed record ApiTokenGrant(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Hub,
    [property: Id(2)] ApiTokenScope Scope,
    [property: Id(3)] string Name);
