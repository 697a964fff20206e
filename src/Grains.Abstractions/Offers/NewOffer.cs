using MutualAid.Common;
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

    /// <summary>Where the offer is, when known; from the public form only ever a named area's point (Id 30 up: named areas).</summary>
    [Id(30)] public GeoPoint? Location { get; init; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (!Slug.IsValid(HubSlug)) errors.Add(FieldError.Of(nameof(HubSlug), Reason.ChooseHub));
        if (!Enum.IsDefined(Kind)) errors.Add(FieldError.Of(nameof(Kind), Reason.ChooseOfferKind));
        if (!Enum.IsDefined(Category)) errors.Add(FieldError.Of(nameof(Category), Reason.ChooseCategory));
        Text.Require(errors, nameof(Description), Description, NewRequest.MaxNeedLength, Reason.SayWhatIsOffered, multiLine: true);
        Text.Require(errors, nameof(Unit), Unit, 40, Reason.SayTheUnit);
        if (Quantity <= 0 || Quantity > 1_000_000) errors.Add(FieldError.Of(nameof(Quantity), Reason.QuantityMoreThanZero));
        Text.Require(errors, "Contact.Name", Contact?.Name, NewRequest.MaxShortText, Reason.GiveContactName);
        Text.Optional(errors, nameof(Area), Area, NewRequest.MaxShortText);
        if (Contact is not null)
        {
            Text.Clean(errors, "Contact.Phone", Contact.Phone);
            Text.Clean(errors, "Contact.Email", Contact.Email);
            Text.Clean(errors, "Contact.Address", Contact.Address, multiLine: true);
        }
        if (Location is { IsValid: false }) errors.Add(FieldError.Of(nameof(Location), Reason.CoordinatesOutOfRange));
        if (AvailableFrom is { } from && AvailableUntil is { } until && until <= from)
        {
            errors.Add(FieldError.Of(nameof(AvailableUntil), Reason.OfferEndsBeforeStart));
        }

        return errors;
    }
}
