namespace MutualAid.Volunteers;

/// <summary>Capacity a request holds on a volunteer while assigned.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Reservation")]
public sealed record Reservation(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] string HubSlug,
    [property: Id(2)] double EstimatedHours,
    [property: Id(3)] DateTimeOffset ReservedAt,
    [property: Id(4)] string VolunteerName)
{
    /// <summary>
    /// The volunteer's board row just after this reservation, handed back to the request so its own
    /// notice to the hub carries both changes as one board delta (Ids 310-319: one18e). Only on the
    /// answer to a reservation that changed something; never kept in the volunteer's state.
    /// </summary>
    [Id(310)] public VolunteerSummary? Volunteer { get; init; }
}
