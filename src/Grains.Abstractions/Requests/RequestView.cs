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

    /// <summary>A dispatcher ticked "visit": check-ins and the safe-arrival alarm apply whatever the category or time. Ids 110-119: arrivals and pairs.</summary>
    [Id(110)] public bool MarkedVisit { get; init; }

    /// <summary>Whether check-ins apply: marked, a visit category of the hub, or planned after dark. Kept by the grain on every change.</summary>
    [Id(111)] public bool IsVisit { get; init; }

    /// <summary>How long this visit is expected to take, overriding the hub's default.</summary>
    [Id(112)] public TimeSpan? ExpectedVisit { get; init; }

    /// <summary>The job needs two volunteers: it is assigned only when both are.</summary>
    [Id(113)] public bool NeedsTwo { get; init; }

    /// <summary>The second volunteer of a pair (the first is <see cref="Assignment"/>).</summary>
    [Id(114)] public Assignment? Partner { get; init; }

    /// <summary>The current visit's check-ins and alarm; null until someone says "I'm here".</summary>
    [Id(115)] public ArrivalRecord? Arrival { get; init; }

    /// <summary>Its region raised this unmet need to the whole network: a hub of any region may take it (Ids 150-159: regions that share).</summary>
    [Id(150)] public bool RaisedToNetwork { get; init; }

    /// <summary>Everyone holding the job: one, or two for a pair.</summary>
    public IReadOnlyList<Assignment> Assignees => (Assignment, Partner) switch
    {
        ({ } first, { } second) => [first, second],
        ({ } first, null) => [first],
        (null, { } second) => [second],
        _ => [],
    };

    /// <summary>The assignment a volunteer holds here, first or partner; null when neither.</summary>
    public Assignment? HeldBy(Guid volunteerId) => Assignees.FirstOrDefault(a => a.VolunteerId == volunteerId);

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
        ClaimExpiresAt = Assignees.Min(a => a.ClaimExpiresAt),
        OfferedToRegion = OfferedToRegion,
        Series = Series,
        NeedsTwo = NeedsTwo,
        PartnerVolunteerId = Partner?.VolunteerId,
        PartnerVolunteerName = Partner?.VolunteerName,
        IsVisit = IsVisit,
        Arrival = Arrival,
        RaisedToNetwork = RaisedToNetwork,
    };
}
