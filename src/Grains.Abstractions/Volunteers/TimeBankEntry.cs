namespace MutualAid.Volunteers;

[GenerateSerializer, Immutable, Alias("MutualAid.TimeBankEntry")]
public sealed record TimeBankEntry(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] string HubSlug,
    [property: Id(2)] double Hours,
    [property: Id(3)] DateTimeOffset At);
