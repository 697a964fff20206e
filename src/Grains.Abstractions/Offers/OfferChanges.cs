using MutualAid.Requests;

namespace MutualAid.Offers;

/// <summary>
/// What an edit of a live offer changes, as the board's dialog sends it: each field left null stays
/// as it is; the Clear flags remove an optional time (null alone means "unchanged"); an empty area
/// clears it. Quantity alone moves what is left by as much; both together set each.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.OfferChanges")]
public sealed record OfferChanges
{
    [Id(0)] public OfferKind? Kind { get; init; }
    [Id(1)] public RequestCategory? Category { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public decimal? Quantity { get; init; }
    [Id(4)] public decimal? Remaining { get; init; }
    [Id(5)] public string? Unit { get; init; }
    [Id(6)] public DateTimeOffset? AvailableFrom { get; init; }
    [Id(7)] public bool ClearAvailableFrom { get; init; }
    [Id(8)] public DateTimeOffset? AvailableUntil { get; init; }
    [Id(9)] public bool ClearAvailableUntil { get; init; }
    [Id(10)] public string? Area { get; init; }
    [Id(11)] public DateTimeOffset? ExpiresAt { get; init; }
    [Id(12)] public bool ClearExpiresAt { get; init; }
    [Id(13)] public string? Reason { get; init; }

    /// <summary>The offer as these changes would leave it (not yet checked: <see cref="Validate"/>).</summary>
    public OfferView ApplyTo(OfferView was)
    {
        ArgumentNullException.ThrowIfNull(was);
        var quantity = Quantity ?? was.Quantity;
        return was with
        {
            Kind = Kind ?? was.Kind,
            Category = Category ?? was.Category,
            Description = Description?.Trim() ?? was.Description,
            Quantity = quantity,
            Remaining = Remaining ?? Math.Max(0, was.Remaining + quantity - was.Quantity),
            Unit = Unit?.Trim() ?? was.Unit,
            AvailableFrom = ClearAvailableFrom ? null : AvailableFrom ?? was.AvailableFrom,
            AvailableUntil = ClearAvailableUntil ? null : AvailableUntil ?? was.AvailableUntil,
            Area = Area is null ? was.Area : string.IsNullOrWhiteSpace(Area) ? null : Area.Trim(),
            ExpiresAt = ClearExpiresAt ? null : ExpiresAt ?? was.ExpiresAt,
        };
    }

    /// <summary>The same rules as a new offer, on the offer as edited; a new expiry must lie ahead.</summary>
    public IReadOnlyList<FieldError> Validate(OfferView next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = new List<FieldError>();
        OfferRules.Check(errors, next.Kind, next.Category, next.Description, next.Quantity, next.Unit, next.Area, next.AvailableFrom, next.AvailableUntil);
        if (next.Remaining < 0 || next.Remaining > next.Quantity) errors.Add(FieldError.Of(nameof(Remaining), Common.Reason.LeftOutOfRange));
        if (ExpiresAt is not null && !ClearExpiresAt) OfferRules.CheckExpiry(errors, ExpiresAt, now);
        Text.Optional(errors, nameof(Reason), Reason, NewRequest.MaxShortText);
        return errors;
    }
}
