using MutualAid.Requests;

namespace MutualAid.Volunteers;

/// <summary>What a volunteer tells us about themselves, including their own limits.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerProfile")]
public sealed record VolunteerProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> HubSlugs,
    [property: Id(2)] IReadOnlyList<RequestCategory> CanHelpWith,
    [property: Id(3)] IReadOnlyList<string> Languages,
    [property: Id(4)] bool HasVehicle,
    [property: Id(5)] int MaxConcurrentAssignments,
    [property: Id(6)] double MaxHoursPerWeek)
{
    [Id(7)] public IReadOnlyList<string> Skills { get; init; } = [];
    [Id(8)] public IReadOnlyList<AvailabilityWindow> Availability { get; init; } = [];

    /// <summary>PRIVATE: only the volunteer and their hub's coordinators see it.</summary>
    [Id(9)] public ContactDetails? Contact { get; init; }

    /// <summary>After giving this many hours within a day, a volunteer rests before taking more.</summary>
    [Id(10)] public double RestAfterHoursInADay { get; init; } = DefaultRestAfterHours;

    /// <summary>
    /// PRIVATE: where the volunteer usually sets out from. Summaries only ever carry
    /// <see cref="GeoPoint.Approximate"/> of it, so a map never shows someone's front door.
    /// </summary>
    [Id(11)] public GeoPoint? Location { get; init; }

    /// <summary>
    /// How they want messages beyond their page (SMS, email, both); empty is page only. Sent only
    /// where the hub has that channel set up and <see cref="Contact"/> holds the address.
    /// </summary>
    [Id(12)] public IReadOnlyList<Notifications.Channel> NotifyBy { get; init; } = [];

    public const double DefaultRestAfterHours = 8;

    public const int MaxTags = 20;

    public const int MaxTagLength = 40;

    public const int MaxWindows = 21;

    public const int MaxPhone = 40;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Text.Require(errors, nameof(Name), Name, NewRequest.MaxShortText, Reason.GiveVolunteerName);
        if (HubSlugs is null || HubSlugs.Count == 0) errors.Add(FieldError.Of(nameof(HubSlugs), Reason.AtLeastOneHub));
        else if (HubSlugs.Any(h => !Slug.IsValid(h))) errors.Add(FieldError.Of(nameof(HubSlugs), Reason.UnknownHubName));
        if (MaxConcurrentAssignments is < 1 or > 50) errors.Add(FieldError.Of(nameof(MaxConcurrentAssignments), Reason.Between, 1, 50));
        if (MaxHoursPerWeek is <= 0 or > 80 || double.IsNaN(MaxHoursPerWeek)) errors.Add(FieldError.Of(nameof(MaxHoursPerWeek), Reason.BetweenHours, 0, 80));
        if (RestAfterHoursInADay is <= 0 or > 24 || double.IsNaN(RestAfterHoursInADay)) errors.Add(FieldError.Of(nameof(RestAfterHoursInADay), Reason.BetweenHours, 0, 24));
        if (Availability?.Any(w => w.To <= w.From) == true) errors.Add(FieldError.Of(nameof(Availability), Reason.WindowEndsBeforeStart));
        if (Location is { IsValid: false }) errors.Add(FieldError.Of(nameof(Location), Reason.CoordinatesOutOfRange));
        if (Skills?.Count > MaxTags || Skills?.Any(k => k is null || k.Length > MaxTagLength) == true) errors.Add(FieldError.Of(nameof(Skills), Reason.TooManySkills, MaxTags, MaxTagLength));
        if (Languages?.Count > MaxTags || Languages?.Any(l => l is null || l.Length > MaxTagLength) == true) errors.Add(FieldError.Of(nameof(Languages), Reason.TooManyLanguages, MaxTags, MaxTagLength));
        if (Skills?.Any(k => !Text.IsClean(k)) == true) errors.Add(Text.BadCharacters(nameof(Skills)));
        if (Languages?.Any(l => !Text.IsClean(l)) == true) errors.Add(Text.BadCharacters(nameof(Languages)));
        if (Availability?.Count > MaxWindows) errors.Add(FieldError.Of(nameof(Availability), Reason.TooManyWindows, MaxWindows));
        if (NotifyBy?.Any(c => c is not (Notifications.Channel.Sms or Notifications.Channel.Email)) == true) errors.Add(FieldError.Of(nameof(NotifyBy), Reason.UnknownChannel));
        if (Contact is { } contact)
        {
            Text.Optional(errors, "Phone", contact.Phone, MaxPhone);
            ContactDetails.CheckPhone(errors, "Phone", contact.Phone);
            Text.Optional(errors, "Email", contact.Email, NewRequest.MaxShortText);
            Text.Clean(errors, "Contact.Name", contact.Name);
            Text.Clean(errors, "Contact.Address", contact.Address, multiLine: true);
            ContactDetails.CheckEmail(errors, "Email", contact.Email);
        }

        // A channel with no address would send nothing, and the volunteer would never know why.
        if (NotifyBy?.Contains(Notifications.Channel.Email) == true && string.IsNullOrWhiteSpace(Contact?.Email)) errors.Add(FieldError.Of("Email", Reason.EmailToBeEmailed));
        if (NotifyBy?.Contains(Notifications.Channel.Sms) == true && string.IsNullOrWhiteSpace(Contact?.Phone)) errors.Add(FieldError.Of("Phone", Reason.PhoneToBeTexted));
        return errors;
    }
}
