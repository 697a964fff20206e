namespace MutualAid.Hubs;

[GenerateSerializer, Immutable, Alias("MutualAid.HubSettings")]
public sealed record HubSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] string? RegionSlug)
{
    /// <summary>IANA zone the hub's volunteers state their availability in.</summary>
    [Id(2)] public string TimeZoneId { get; init; } = "UTC";

    /// <summary>How long the hub gives itself to assign a request of each urgency.</summary>
    [Id(3)] public Requests.UrgencyTimes Deadlines { get; init; } = Requests.UrgencyTimes.DefaultDeadlines;

    /// <summary>How long a volunteer's claim holds before they pick it up; null for hubs stored before claims lapsed.</summary>
    [Id(4)] public Requests.UrgencyTimes? Claims { get; init; } = Requests.UrgencyTimes.DefaultClaims;

    /// <summary>
    /// Claims a volunteer may give back (decline, unassign themselves, let lapse) within an hour;
    /// one more and they cannot claim until a coordinator clears it, so nobody can claim request
    /// after request just to read the addresses. Zero (a hub stored before this existed) is the default.
    /// Id 90 up: one per-urgency times type (this sat inside the claim policy at its Id 4 before,
    /// never set to anything but the default).
    /// </summary>
    [Id(90)] public int GiveBacksPerHour { get; init; } = DefaultGiveBacksPerHour;

    public const int DefaultGiveBacksPerHour = 3;

    /// <summary>More than this an hour is no limit on harvesting addresses at all.</summary>
    public const int MostGiveBacksPerHour = 20;

    /// <summary>A claim held longer than a week keeps an address from the people who could go.</summary>
    public static readonly TimeSpan LongestClaim = TimeSpan.FromDays(7);

    /// <summary>The shortest deadline by default; a network may allow shorter (its MutualAid:Deadlines:Shortest setting).</summary>
    public static readonly TimeSpan ShortestDeadline = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestDeadline = TimeSpan.FromDays(30);

    public int AllowedGiveBacksPerHour => GiveBacksPerHour > 0 ? GiveBacksPerHour : DefaultGiveBacksPerHour;

    public Requests.UrgencyTimes ClaimWindows => Claims ?? Requests.UrgencyTimes.DefaultClaims;

    /// <summary>The number people text for help (Twilio's "To"); texts to it become this hub's requests. Id 20 up: SMS settings.</summary>
    [Id(20)] public string? SmsNumber { get; init; }

    /// <summary>
    /// The hub's country (ISO 3166 alpha-2, "ES"): numbers typed without a "+" are read as its numbers
    /// when texted (<see cref="Sms.Dialling"/>). Null (the default, and hubs saved before it existed):
    /// only numbers with a "+" can be texted, since guessing a country would text a stranger.
    /// </summary>
    [Id(21)] public string? Country { get; init; }

    /// <summary>The places this hub works in, as its forms offer them. Id 30 up: named areas.</summary>
    [Id(30)] public IReadOnlyList<NamedArea> Areas { get; init; } = [];

    /// <summary>When the hours page calls an organiser's week too long. Id 120 up: care.</summary>
    [Id(120)] public Shifts.ShiftLimits ShiftLimits { get; init; } = Shifts.ShiftLimits.Default;

    /// <summary>What counts as a visit and how long one may run before the safe-arrival alarm. Id 110 up: arrivals. Null (saved before it existed) is the default.</summary>
    [Id(110)] public ArrivalPolicy? Arrivals { get; init; }

    public ArrivalPolicy ArrivalRules => Arrivals ?? ArrivalPolicy.Default;

    /// <summary>The index key for <see cref="SmsNumber"/> (its last digits), or null when there is none.</summary>
    public string? SmsNumberKey() =>
        string.IsNullOrWhiteSpace(SmsNumber) ? null : new ContactDetails("-", SmsNumber, null, null).MatchKey();

    /// <param name="shortestDeadline">The shortest deadline this network allows; <see cref="ShortestDeadline"/> when not given.</param>
    public IReadOnlyList<FieldError> Validate(TimeSpan? shortestDeadline = null)
    {
        var errors = new List<FieldError>();
        Text.Require(errors, nameof(Name), Name, 100, Reason.GiveHubName);
        if (RegionSlug is not null && !Slug.IsValid(RegionSlug)) errors.Add(FieldError.Of(nameof(RegionSlug), Reason.RegionKeyShape));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _)) errors.Add(FieldError.Of(nameof(TimeZoneId), Reason.UnknownTimeZone, TimeZoneId));
        if (!string.IsNullOrWhiteSpace(SmsNumber) && (SmsNumber.Length > 40 || SmsNumberKey() is not { } key || !key.StartsWith(ContactDetails.PhoneKeyPrefix, StringComparison.Ordinal)))
        {
            errors.Add(FieldError.Of(nameof(SmsNumber), Reason.SmsNumberShape, LogSafe.Bound(SmsNumber)));
        }

        if (Country is not null && !Sms.Dialling.IsCountry(Country)) errors.Add(FieldError.Of(nameof(Country), Reason.UnknownCountry, LogSafe.Bound(Country)));
        errors.AddRange(NamedArea.Validate(Areas));
        errors.AddRange(ShiftLimits?.Validate() ?? []);
        var shortest = shortestDeadline ?? ShortestDeadline;
        errors.AddRange(Arrivals?.Validate(shortest) ?? []);
        errors.AddRange(Deadlines?.Validate(nameof(Deadlines), shortest, LongestDeadline, Reason.DeadlineOutOfRange)
            ?? [FieldError.Of(nameof(Deadlines), Reason.DeadlinesRequired)]);
        errors.AddRange(Claims?.Validate(nameof(Claims), shortest, LongestClaim, Reason.ClaimWindowOutOfRange) ?? []);
        // Zero is a hub stored before the limit existed: the default.
        if (GiveBacksPerHour is < 0 or > MostGiveBacksPerHour) errors.Add(FieldError.Of(nameof(GiveBacksPerHour), Reason.GiveBacksOutOfRange, MostGiveBacksPerHour));
        return errors;
    }
}
