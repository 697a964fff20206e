using MutualAid.Requests;

namespace MutualAid.Offers;

/// <summary>What any offer must be, whether it is new or edited: one set of checks, so an edit can never store what a new offer could not.</summary>
public static class OfferRules
{
    public const int MaxUnitLength = 40;
    public const decimal MaxQuantity = 1_000_000;

    public static void Check(List<FieldError> errors, OfferKind kind, RequestCategory category, string? description, decimal quantity, string? unit,
        string? area, DateTimeOffset? availableFrom, DateTimeOffset? availableUntil)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(kind)) errors.Add(FieldError.Of(nameof(NewOffer.Kind), Reason.ChooseOfferKind));
        if (!Enum.IsDefined(category)) errors.Add(FieldError.Of(nameof(NewOffer.Category), Reason.ChooseCategory));
        Text.Require(errors, nameof(NewOffer.Description), description, NewRequest.MaxNeedLength, Reason.SayWhatIsOffered, multiLine: true);
        Text.Require(errors, nameof(NewOffer.Unit), unit, MaxUnitLength, Reason.SayTheUnit);
        if (quantity <= 0) errors.Add(FieldError.Of(nameof(NewOffer.Quantity), Reason.QuantityMoreThanZero));
        else if (quantity > MaxQuantity) errors.Add(FieldError.Of(nameof(NewOffer.Quantity), Reason.QuantityAtMost, MaxQuantity));
        // A hundredth is the finest anyone counts or weighs out: 0.0000001 kg is a slip, and reads as "0" on every page.
        else if (decimal.Round(quantity, 2) != quantity) errors.Add(FieldError.Of(nameof(NewOffer.Quantity), Reason.QuantityTwoDecimals));
        Text.Optional(errors, nameof(NewOffer.Area), area, NewRequest.MaxShortText);
        if (availableFrom is { } from && availableUntil is { } until && until <= from)
        {
            errors.Add(FieldError.Of(nameof(NewOffer.AvailableUntil), Reason.OfferEndsBeforeStart));
        }
    }

    /// <summary>An expiry already past would close the offer the moment it is saved: almost surely a typing slip.</summary>
    public static void CheckExpiry(List<FieldError> errors, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (expiresAt is { } at && at <= now) errors.Add(FieldError.Of(nameof(NewOffer.ExpiresAt), Reason.OfferExpiryPast));
    }

    /// <summary>Statuses an offer is still on the board in; the rest are closed for good.</summary>
    public static bool IsLive(OfferStatus status) => status is OfferStatus.Open or OfferStatus.Paused;

    /// <summary>Whether the offer can still give: open, and its "available until" not passed. The gap views and the suggestions both ask this.</summary>
    public static bool CanGive(OfferSummary offer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Status == OfferStatus.Open && (offer.AvailableUntil is not { } until || until > now);
    }
}
