namespace MutualAid.Volunteers;

/// <summary>Capacity a request holds on a volunteer while assigned.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Reservation")]
public sealed record Reservation(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] string HubSlug,
    [property: Id(2)] double EstimatedHours,
    [property: Id(3)] DateTimeOffset ReservedAt,
    [property: Id(4)] string VolunteerName);
