using MutualAid.Common;

namespace MutualAid.Requests;

/// <summary>Everything needed to open a request, from any channel.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.NewRequest")]
public sealed record NewRequest(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] RequestCategory Category,
    [property: Id(2)] Urgency Urgency,
    [property: Id(3)] string Area,
    [property: Id(4)] string Need,
    [property: Id(5)] ContactDetails Contact,
    [property: Id(6)] RequestSource Source,
    [property: Id(7)] Actor Actor)
{
    [Id(8)] public DateTimeOffset? NeededBy { get; init; }
    [Id(9)] public GeoPoint? Location { get; init; }
    [Id(10)] public string? AccessibilityNotes { get; init; }
    [Id(11)] public string? PreferredLanguage { get; init; }
    [Id(12)] public bool NeedsVehicle { get; init; }

    /// <summary>Set by a recurring series on each occurrence it creates.</summary>
    [Id(13)] public SeriesLink? Series { get; init; }

    public const int MaxNeedLength = 2000;
    public const int MaxShortText = 200;

    public IReadOnlyList<FieldError> Validate(DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (!Slug.IsValid(HubSlug)) errors.Add(new(nameof(HubSlug), "Choose a hub."));
        if (!Enum.IsDefined(Category)) errors.Add(new(nameof(Category), "Choose a category."));
        if (!Enum.IsDefined(Urgency)) errors.Add(new(nameof(Urgency), "Choose an urgency."));
        Text.Require(errors, nameof(Area), Area, MaxShortText, "Say roughly where (street, estate or area).");
        Text.Require(errors, nameof(Need), Need, MaxNeedLength, "Say what is needed.", multiLine: true);
        Text.Require(errors, "Contact.Name", Contact?.Name, MaxShortText, "Give a name to ask for.");
        if (Contact is not null)
        {
            Text.Optional(errors, "Contact.Phone", Contact.Phone, 40);
            Text.Optional(errors, "Contact.Email", Contact.Email, MaxShortText);
            Text.Optional(errors, "Contact.Address", Contact.Address, MaxShortText, multiLine: true);
            if (string.IsNullOrWhiteSpace(Contact.Phone) && string.IsNullOrWhiteSpace(Contact.Email)
                && string.IsNullOrWhiteSpace(Contact.Address))
            {
                errors.Add(new("Contact", "Give at least a phone number, an email or an address, so someone can reach them."));
            }
        }

        Text.Optional(errors, nameof(AccessibilityNotes), AccessibilityNotes, MaxNeedLength, multiLine: true);
        Text.Optional(errors, nameof(PreferredLanguage), PreferredLanguage, 40);
        if (Location is { IsValid: false }) errors.Add(new(nameof(Location), "Coordinates are out of range."));
        if (NeededBy is { } by && by < now.AddDays(-1)) errors.Add(new(nameof(NeededBy), "The needed-by time is in the past."));
        if (Actor is null || string.IsNullOrWhiteSpace(Actor.UserId)) errors.Add(new(nameof(Actor), "Who is entering this request?"));
        return errors;
    }
}
