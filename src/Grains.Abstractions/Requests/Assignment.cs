namespace MutualAid.Requests;

[GenerateSerializer, Immutable, Alias("MutualAid.Assignment")]
public sealed record Assignment(
    [property: Id(0)] Guid VolunteerId,
    [property: Id(1)] string VolunteerName,
    [property: Id(2)] AssignmentState State,
    [property: Id(3)] Actor AssignedBy,
    [property: Id(4)] DateTimeOffset OfferedAt,
    [property: Id(5)] DateTimeOffset? AnsweredAt,
    [property: Id(6)] DateTimeOffset? CompletedAt,
    [property: Id(7)] double? Hours)
{
    /// <summary>While accepted and not yet picked up: when the volunteer's claim lapses.</summary>
    [Id(8)] public DateTimeOffset? ClaimExpiresAt { get; init; }

    /// <summary>The hours reserved when it was assigned or claimed; "Delivered" starts from it. Null in state written before it was kept.</summary>
    [Id(9)] public double? EstimatedHours { get; init; }

    /// <summary>The volunteer took it themselves (a claim), rather than a dispatcher offering it.</summary>
    [Id(10)] public bool Claimed { get; init; }

    /// <summary>
    /// When the volunteer's grain reserved their time for it (its clock), so the job's end names
    /// that reservation and no newer one. Null in state written before it was kept.
    /// </summary>
    [Id(11)] public DateTimeOffset? ReservedAt { get; init; }
}
