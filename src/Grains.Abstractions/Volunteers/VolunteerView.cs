namespace MutualAid.Volunteers;

/// <summary>PRIVATE full view of a volunteer (includes contact details).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerView")]
public sealed record VolunteerView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] VolunteerProfile Profile,
    [property: Id(3)] bool OnDuty,
    [property: Id(4)] IReadOnlyList<Reservation> Reservations,
    [property: Id(5)] double HoursThisWeek,
    [property: Id(6)] double HoursTotal,
    [property: Id(7)] DateTimeOffset? LastCheckIn)
{
    /// <summary>Messages for the volunteer (a claim that lapsed), newest first.</summary>
    [Id(8)] public IReadOnlyList<VolunteerNotice> Notices { get; init; } = [];

    /// <summary>Why they may not claim until a coordinator clears it; null when they may.</summary>
    [Id(40)] public Common.Phrase? ClaimsHeld { get; init; }

    /// <summary>The job they were last given or took (it may have ended since): what a "YES" or "DONE" by text answers.</summary>
    [Id(41)] public Reservation? LastReservation { get; init; }

    /// <summary>Their account is disabled: off duty and given no jobs until it is enabled (<see cref="IVolunteerGrain.Suspend"/>).</summary>
    [Id(42)] public bool Suspended { get; init; }

    /// <summary>Thank-yous for jobs they did, newest first: for the volunteer's own eyes (<see cref="ForStaffOf"/> drops them for anyone else).</summary>
    [Id(120)] public IReadOnlyList<Thanks.ThankYouNote> Thanks { get; init; } = [];

    /// <summary>
    /// The volunteer as staff of <paramref name="hubs"/> may see them, on a page or in a download
    /// alike: jobs and notices of their other hubs are those hubs' business, and thank-yous are the
    /// volunteer's own. A notice that names no hub could be about any of them, so it goes too.
    /// </summary>
    public VolunteerView ForStaffOf(IReadOnlyCollection<string> hubs)
    {
        ArgumentNullException.ThrowIfNull(hubs);
        return this with
        {
            Reservations = [.. Reservations.Where(r => hubs.Contains(r.HubSlug))],
            LastReservation = LastReservation is { } last && hubs.Contains(last.HubSlug) ? last : null,
            Notices = [.. Notices.Where(n => n.HubSlug is { } hub && hubs.Contains(hub))],
            Thanks = [],
        };
    }

    public VolunteerSummary Redact() => new(
        Id, Version, Profile.Name, Profile.HubSlugs, Profile.CanHelpWith, Profile.Languages, Profile.HasVehicle,
        OnDuty, Reservations.Count, Profile.MaxConcurrentAssignments, HoursThisWeek, Profile.MaxHoursPerWeek)
    {
        Skills = Profile.Skills,
        Availability = Profile.Availability,
        LastCheckIn = LastCheckIn,
        ActiveRequestIds = Reservations.Select(r => r.RequestId).ToArray(),
        ApproximateLocation = Profile.Location?.Approximate(),
        ClaimsHeld = ClaimsHeld,
        Suspended = Suspended,
    };
}
