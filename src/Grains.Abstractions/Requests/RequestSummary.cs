namespace MutualAid.Requests;

/// <summary>
/// Redacted public view of a request: what boards, deltas, region views and exports carry.
/// Has no contact details and no exact location by construction.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestSummary")]
public sealed record RequestSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] string HubSlug,
    [property: Id(3)] RequestStatus Status,
    [property: Id(4)] RequestCategory Category,
    [property: Id(5)] Urgency Urgency,
    [property: Id(6)] string Area,
    [property: Id(7)] string Need,
    [property: Id(8)] RequestSource Source,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset UpdatedAt,
    [property: Id(11)] string LastChangedBy)
{
    [Id(12)] public DateTimeOffset? NeededBy { get; init; }
    [Id(13)] public Common.GeoPoint? ApproximateLocation { get; init; }
    [Id(14)] public string? PreferredLanguage { get; init; }
    [Id(15)] public bool NeedsVehicle { get; init; }
    [Id(16)] public bool HasAccessibilityNeeds { get; init; }
    [Id(17)] public Guid? AssignedVolunteerId { get; init; }
    [Id(18)] public string? AssignedVolunteerName { get; init; }
    [Id(19)] public AssignmentState? AssignmentState { get; init; }
    [Id(20)] public IReadOnlyList<Guid> PossibleDuplicateOf { get; init; } = [];
    [Id(21)] public string? EscalatedTo { get; init; }
    [Id(22)] public string ReferenceCode { get; init; } = "";
    [Id(23)] public DateTimeOffset? AssignBy { get; init; }
    [Id(24)] public DateTimeOffset? OverdueSince { get; init; }
    [Id(25)] public string? OfferedToRegion { get; init; }

    /// <summary>When the first of the running claims lapses unless it is picked up (the board counts down); a pair's two claims each run their own.</summary>
    [Id(26)] public DateTimeOffset? ClaimExpiresAt { get; init; }

    [Id(27)] public SeriesLink? Series { get; init; }

    /// <summary>Ids 110-119: arrivals and pairs (see <see cref="RequestView"/>).</summary>
    [Id(110)] public bool NeedsTwo { get; init; }
    [Id(111)] public Guid? PartnerVolunteerId { get; init; }
    [Id(112)] public string? PartnerVolunteerName { get; init; }
    [Id(113)] public bool IsVisit { get; init; }

    /// <summary>Check-in times and the alarm, which every board of the hub shows while it is open.</summary>
    [Id(114)] public ArrivalRecord? Arrival { get; init; }

    /// <summary>Raised to the whole network by its region (Ids 150-159: regions that share).</summary>
    [Id(150)] public bool RaisedToNetwork { get; init; }

    /// <summary>
    /// Everyone holding the job, for the JSON API (a pair has two); <see cref="AssignedVolunteerId"/>
    /// stays for clients written before pairs. Not an Orleans member: derived from the fields above.
    /// </summary>
    public IReadOnlyList<Assignee> Assignees =>
        [.. new[] { (AssignedVolunteerId, AssignedVolunteerName), (PartnerVolunteerId, PartnerVolunteerName) }
            .Where(a => a.Item1 is not null).Select(a => new Assignee(a.Item1!.Value, a.Item2 ?? ""))];

    /// <summary>Everyone holding the job by name, as a pair is named ("Vic Okafor & Wen Li"); null when nobody does. A method, so no wire format carries it twice.</summary>
    public string? HolderNames() => Held == 0 ? null : string.Join(" & ", Assignees.Select(a => a.Name));

    /// <summary>How many of the volunteers the job needs hold it ("1 of 2").</summary>
    public int Held => (AssignedVolunteerId is null ? 0 : 1) + (PartnerVolunteerId is null ? 0 : 1);

    public bool AlarmOpen => Arrival?.AlarmOpen == true;

    public bool IsOpen => RequestLifecycle.IsOpen(Status);
}

/// <summary>One volunteer holding a request, as the JSON API lists them.</summary>
public sealed record Assignee(Guid VolunteerId, string Name);
