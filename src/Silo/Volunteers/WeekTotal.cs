namespace MutualAid.Silo.Volunteers;

/// <summary>A past week's banked jobs on one hub, folded from their entries: a time bank's size grows with weeks, not with jobs.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.WeekTotal")]
public sealed record WeekTotal(
    [property: Id(0)] DateOnly Week,
    [property: Id(1)] string HubSlug,
    [property: Id(2)] double Hours,
    [property: Id(3)] int Jobs,
    [property: Id(4)] DateTimeOffset LastAt);
