using MutualAid.Common;

namespace MutualAid.Hubs;

[GenerateSerializer, Immutable, Alias("MutualAid.HubSettings")]
public sealed record HubSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] string? RegionSlug)
{
    /// <summary>IANA zone the hub's volunteers state their availability in.</summary>
    [Id(2)] public string TimeZoneId { get; init; } = "UTC";

    [Id(3)] public DeadlinePolicy Deadlines { get; init; } = DeadlinePolicy.Default;

    [Id(4)] public ClaimPolicy Claims { get; init; } = ClaimPolicy.Default;

    /// <summary>The number people text for help (Twilio's "To"); texts to it become this hub's requests. Id 20 up: SMS settings.</summary>
    [Id(20)] public string? SmsNumber { get; init; }

    /// <summary>The places this hub works in, as its forms offer them. Id 30 up: named areas.</summary>
    [Id(30)] public IReadOnlyList<NamedArea> Areas { get; init; } = [];

    /// <summary>What counts as a visit and how long one may run before the safe-arrival alarm. Id 110 up: arrivals. Null (saved before it existed) is the default.</summary>
    [Id(110)] public ArrivalPolicy? Arrivals { get; init; }

    public ArrivalPolicy ArrivalRules => Arrivals ?? ArrivalPolicy.Default;

    /// <summary>The index key for <see cref="SmsNumber"/> (its last digits), or null when there is none.</summary>
    public string? SmsNumberKey() =>
        string.IsNullOrWhiteSpace(SmsNumber) ? null : new ContactDetails("-", SmsNumber, null, null).MatchKey();

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Text.Require(errors, nameof(Name), Name, 100, Reason.GiveHubName);
        if (RegionSlug is not null && !Slug.IsValid(RegionSlug)) errors.Add(FieldError.Of(nameof(RegionSlug), Reason.RegionKeyShape));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _)) errors.Add(FieldError.Of(nameof(TimeZoneId), Reason.UnknownTimeZone, TimeZoneId));
        if (!string.IsNullOrWhiteSpace(SmsNumber) && (SmsNumber.Length > 40 || SmsNumberKey() is not { } key || !key.StartsWith(ContactDetails.PhoneKeyPrefix, StringComparison.Ordinal)))
        {
            errors.Add(FieldError.Of(nameof(SmsNumber), Reason.SmsNumberShape, LogSafe.Bound(SmsNumber)));
        }

        errors.AddRange(NamedArea.Validate(Areas));
        errors.AddRange(Arrivals?.Validate() ?? []);
        errors.AddRange(Deadlines?.Validate() ?? [FieldError.Of(nameof(Deadlines), Reason.DeadlinesRequired)]);
        return errors;
    }
}
