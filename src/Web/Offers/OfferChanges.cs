using MutualAid.Common;
using MutualAid.Offers;
using MutualAid.Requests;

namespace MutualAid.Web.Offers;

/// <summary>
/// What an offer edit changes, as the board's dialog sends it: each field left null stays as it
/// is; the Clear flags remove an optional time; an empty area clears it.
/// </summary>
public record OfferChanges
{
    public OfferKind? Kind { get; init; }
    public RequestCategory? Category { get; init; }
    public string? Description { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? Remaining { get; init; }
    public string? Unit { get; init; }
    public DateTimeOffset? AvailableFrom { get; init; }
    public bool ClearAvailableFrom { get; init; }
    public DateTimeOffset? AvailableUntil { get; init; }
    public bool ClearAvailableUntil { get; init; }
    public string? Area { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public bool ClearExpiresAt { get; init; }
    public string? Reason { get; init; }

    public EditOffer Command(string hub, int version, Actor actor) => new(version, actor)
    {
        Hub = hub,
        Kind = Kind,
        Category = Category,
        Description = Description,
        Quantity = Quantity,
        Remaining = Remaining,
        Unit = Unit,
        AvailableFrom = AvailableFrom,
        ClearAvailableFrom = ClearAvailableFrom,
        AvailableUntil = AvailableUntil,
        ClearAvailableUntil = ClearAvailableUntil,
        Area = Area,
        ExpiresAt = ExpiresAt,
        ClearExpiresAt = ClearExpiresAt,
        Reason = Reason,
    };
}
