namespace MutualAid.Safety;

/// <summary>A check a hub asks of volunteers for sensitive work; <see cref="ValidFor"/> null means it never runs out.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VettingCheck")]
public sealed record VettingCheck([property: Id(0)] string Name, [property: Id(1)] TimeSpan? ValidFor);
