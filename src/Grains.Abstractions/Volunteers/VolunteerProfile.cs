using MutualAid.Common;
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

    public const double DefaultRestAfterHours = 8;

    public const int MaxTags = 20;

    public const int MaxTagLength = 40;

    public const int MaxWindows = 21;

    public const int MaxPhone = 40;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Text.Require(errors, nameof(Name), Name, NewRequest.MaxShortText, "Give the volunteer's name.");
        if (HubSlugs is null || HubSlugs.Count == 0) errors.Add(new(nameof(HubSlugs), "A volunteer belongs to at least one hub."));
        else if (HubSlugs.Any(h => !Slug.IsValid(h))) errors.Add(new(nameof(HubSlugs), "Unknown hub name."));
        if (MaxConcurrentAssignments is < 1 or > 50) errors.Add(new(nameof(MaxConcurrentAssignments), "Between 1 and 50."));
        if (MaxHoursPerWeek is <= 0 or > 80 || double.IsNaN(MaxHoursPerWeek)) errors.Add(new(nameof(MaxHoursPerWeek), "Between 0 and 80 hours."));
        if (RestAfterHoursInADay is <= 0 or > 24 || double.IsNaN(RestAfterHoursInADay)) errors.Add(new(nameof(RestAfterHoursInADay), "Between 0 and 24 hours."));
        if (Availability?.Any(w => w.To <= w.From) == true) errors.Add(new(nameof(Availability), "Each window must end after it starts."));
        if (Location is { IsValid: false }) errors.Add(new(nameof(Location), "Coordinates are out of range."));
        if (Skills?.Count > MaxTags || Skills?.Any(k => k is null || k.Length > MaxTagLength) == true) errors.Add(new(nameof(Skills), $"Up to {MaxTags} skills of up to {MaxTagLength} characters each."));
        if (Languages?.Count > MaxTags || Languages?.Any(l => l is null || l.Length > MaxTagLength) == true) errors.Add(new(nameof(Languages), $"Up to {MaxTags} languages of up to {MaxTagLength} characters each."));
        if (Skills?.Any(k => !Text.IsClean(k)) == true) errors.Add(Text.BadCharacters(nameof(Skills)));
        if (Languages?.Any(l => !Text.IsClean(l)) == true) errors.Add(Text.BadCharacters(nameof(Languages)));
        if (Availability?.Count > MaxWindows) errors.Add(new(nameof(Availability), $"Up to {MaxWindows} windows."));
        if (Contact is { } contact)
        {
            Text.Optional(errors, "Phone", contact.Phone, MaxPhone);
            Text.Optional(errors, "Email", contact.Email, NewRequest.MaxShortText);
            Text.Clean(errors, "Contact.Name", contact.Name);
            Text.Clean(errors, "Contact.Address", contact.Address, multiLine: true);
            if (contact.Email is { Length: > 0 } email && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal))) errors.Add(new("Email", "That is not an email address."));
        }
        return errors;
    }
}
