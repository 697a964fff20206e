namespace MutualAid.Regions;

/// <summary>An unmet need a region raised to the whole network, where a hub of any region may take it (redacted).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RaisedNeed")]
public sealed record RaisedNeed(
    [property: Id(0)] EscalatedRequest Need,
    [property: Id(1)] string FromRegion);
