namespace MutualAid.Requests;

/// <summary>
/// PRIVATE full view of a request, for the hub's coordinators and the assigned volunteer only.
/// Everyone else gets <see cref="Redact"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestView")]
public sealed record RequestView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] string HubSlug,
    [property: Id(3)] RequestStatus Status,
    [property: Id(4)] RequestCategory Category,
    [property: Id(5)] Urgency Urgency,
    [property: Id(6)] string Area,
    [property: Id(7)] string Need,
    [property: Id(8)] ContactDetails Contact,
    [property: Id(9)] RequestSource Source,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    [property: Id(12)] Actor LastChangedBy)
{
    [Id(13)] public DateTimeOffset? NeededBy { get; init; }
    [Id(14)] public GeoPoint? Location { get; init; }
    [Id(15)] public string? AccessibilityNotes { get; init; }
    [Id(16)] public string? PreferredLanguage { get; init; }
    [Id(17)] public bool NeedsVehicle { get; init; }
    [Id(18)] public Assignment? Assignment { get; init; }
    [Id(19)] public IReadOnlyList<Guid> PossibleDuplicateOf { get; init; } = [];
    [Id(20)] public string? EscalatedTo { get; init; }
    [Id(21)] public string ReferenceCode { get; init; } = "";
    [Id(22)] public IReadOnlyList<Assignment> PastAssignments { get; init; } = [];

    /// <summary>When the hub's deadline for assigning this passes (unset while assigned or closed).</summary>
    [Id(23)] public DateTimeOffset? AssignBy { get; init; }

    [Id(24)] public DateTimeOffset? OverdueSince { get; init; }

    /// <summary>The region this unmet need has been offered to, so a neighbouring hub can take it.</summary>
    [Id(25)] public string? OfferedToRegion { get; init; }

    [Id(26)] public SeriesLink? Series { get; init; }

    /// <summary>Set when this request was a duplicate and was merged into that one.</summary>
    [Id(27)] public Guid? MergedInto { get; init; }

    /// <summary>
    /// The only way a request leaves the private side: contact details, exact coordinates and
    /// accessibility notes (which often name a condition) are dropped; location is snapped to a grid.
    /// </summary>
    public RequestSummary Redact() => new(
        Id, Version, HubSlug, Status, Category, Urgency, Area, Need, Source, CreatedAt, UpdatedAt, LastChangedBy.DisplayName)
    {
        NeededBy = NeededBy,
        ApproximateLocation = Location?.Approximate(),
        PreferredLanguage = PreferredLanguage,
        NeedsVehicle = NeedsVehicle,
        HasAccessibilityNeeds = !string.IsNullOrWhiteSpace(AccessibilityNotes),
        AssignedVolunteerId = Assignment?.VolunteerId,
        AssignedVolunteerName = Assignment?.VolunteerName,
        AssignmentState = Assignment?.State,
        PossibleDuplicateOf = PossibleDuplicateOf,
        EscalatedTo = EscalatedTo,
        ReferenceCode = ReferenceCode,
        AssignBy = AssignBy,
        OverdueSince = OverdueSince,
        ClaimExpiresAt = Assignment?.ClaimExpiresAt,
        OfferedToRegion = OfferedToRegion,
        Series = Series,
    };
}
