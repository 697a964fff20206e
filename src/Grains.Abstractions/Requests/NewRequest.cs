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

    /// <summary>Ids 110-119: arrivals and pairs (see <see cref="EditRequest"/>).</summary>
    [Id(110)] public bool MarkedVisit { get; init; }

    [Id(111)] public bool NeedsTwo { get; init; }

    /// <summary>
    /// The area of a request whose sender named no place (a text that says only "HELP food"). The word
    /// texted requests were always stored with, so those already on a board are read the same way.
    /// </summary>
    public const string AreaNotGiven = "Unknown";

    /// <summary>True when <paramref name="area"/> says no place was given: two such requests are not "in the same area".</summary>
    public static bool NamesNoArea(string? area) => string.IsNullOrWhiteSpace(area) || Text.Plain(area) == Text.Plain(AreaNotGiven);

    public const int MaxNeedLength = 2000;
    public const int MaxShortText = 200;

    public IReadOnlyList<FieldError> Validate(DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (!Slug.IsValid(HubSlug)) errors.Add(FieldError.Of(nameof(HubSlug), Reason.ChooseHub));
        if (!Enum.IsDefined(Category)) errors.Add(FieldError.Of(nameof(Category), Reason.ChooseCategory));
        if (!Enum.IsDefined(Urgency)) errors.Add(FieldError.Of(nameof(Urgency), Reason.ChooseUrgency));
        Text.Require(errors, nameof(Area), Area, MaxShortText, Reason.SayWhere);
        Text.Require(errors, nameof(Need), Need, MaxNeedLength, Reason.SayWhatIsNeeded, multiLine: true);
        Text.Require(errors, "Contact.Name", Contact?.Name, MaxShortText, Reason.GiveContactName);
        if (Contact is not null)
        {
            Text.Optional(errors, "Contact.Phone", Contact.Phone, 40);
            ContactDetails.CheckPhone(errors, "Contact.Phone", Contact.Phone);
            Text.Optional(errors, "Contact.Email", Contact.Email, MaxShortText);
            ContactDetails.CheckEmail(errors, "Contact.Email", Contact.Email);
            Text.Optional(errors, "Contact.Address", Contact.Address, MaxShortText, multiLine: true);
            if (string.IsNullOrWhiteSpace(Contact.Phone) && string.IsNullOrWhiteSpace(Contact.Email)
                && string.IsNullOrWhiteSpace(Contact.Address))
            {
                errors.Add(FieldError.Of("Contact", Reason.GiveSomeContact));
            }
        }

        Text.Optional(errors, nameof(AccessibilityNotes), AccessibilityNotes, MaxNeedLength, multiLine: true);
        Text.Optional(errors, nameof(PreferredLanguage), PreferredLanguage, 40);
        if (Location is { IsValid: false }) errors.Add(FieldError.Of(nameof(Location), Reason.CoordinatesOutOfRange));
        if (NeededBy is { } by && by < now.AddDays(-1)) errors.Add(FieldError.Of(nameof(NeededBy), Reason.NeededByPast));
        if (Actor is null || string.IsNullOrWhiteSpace(Actor.UserId)) errors.Add(FieldError.Of(nameof(Actor), Reason.WhoIsEntering));
        return errors;
    }
}
