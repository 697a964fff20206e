using MutualAid.Requests;

namespace MutualAid.Offers;

[GenerateSerializer, Immutable, Alias("MutualAid.NewOffer")]
public sealed record NewOffer(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] OfferKind Kind,
    [property: Id(2)] RequestCategory Category,
    [property: Id(3)] string Description,
    [property: Id(4)] decimal Quantity,
    [property: Id(5)] string Unit,
    [property: Id(6)] ContactDetails Contact,
    [property: Id(7)] RequestSource Source,
    [property: Id(8)] Actor Actor)
{
    [Id(9)] public DateTimeOffset? AvailableFrom { get; init; }
    [Id(10)] public DateTimeOffset? AvailableUntil { get; init; }
    [Id(11)] public string? Area { get; init; }

    /// <summary>When the offer closes by itself (Expired); none means it stays until used up or withdrawn.</summary>
    [Id(20)] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Where the offer is, when known; from the public form only ever a named area's point (Id 30 up: named areas).</summary>
    [Id(30)] public GeoPoint? Location { get; init; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (!Slug.IsValid(HubSlug)) errors.Add(FieldError.Of(nameof(HubSlug), Reason.ChooseHub));
        OfferRules.Check(errors, Kind, Category, Description, Quantity, Unit, Area, AvailableFrom, AvailableUntil);
        Text.Require(errors, "Contact.Name", Contact?.Name, NewRequest.MaxShortText, Reason.GiveContactName);
        if (Contact is not null)
        {
            Text.Clean(errors, "Contact.Phone", Contact.Phone);
            ContactDetails.CheckPhone(errors, "Contact.Phone", Contact.Phone);
            Text.Clean(errors, "Contact.Email", Contact.Email);
            ContactDetails.CheckEmail(errors, "Contact.Email", Contact.Email);
            Text.Clean(errors, "Contact.Address", Contact.Address, multiLine: true);
        }
        if (Location is { IsValid: false }) errors.Add(FieldError.Of(nameof(Location), Reason.CoordinatesOutOfRange));

        return errors;
    }
}
