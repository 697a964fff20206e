namespace MutualAid.Thanks;

/// <summary>What one volunteer gave a hub since a date, as counts only: the hub's "what we did together" adds them up.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.TogetherShare")]
public sealed record TogetherShare(
    [property: Id(0)] int JobsDelivered,
    [property: Id(1)] double Hours,
    [property: Id(2)] int ThankYous);
