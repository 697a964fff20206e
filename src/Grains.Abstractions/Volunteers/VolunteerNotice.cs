namespace MutualAid.Volunteers;

[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerNotice")]
public sealed record VolunteerNotice([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Message);
