using MutualAid.Requests;

namespace MutualAid.Offers;

/// <summary>
/// Changes some fields of a live offer: each left null stays as it is; the Clear flags remove an
/// optional time (null alone means "unchanged"). Quantity alone moves what is left by as much; both
/// together set each. Checked against the version the caller saw, like every command.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.EditOffer")]
public sealed record EditOffer([property: Id(0)] int ExpectedVersion, [property: Id(1)] Actor Actor) : IOfferCommand
{
    [Id(2)] public OfferKind? Kind { get; init; }
    [Id(3)] public RequestCategory? Category { get; init; }
    [Id(4)] public string? Description { get; init; }
    [Id(5)] public decimal? Quantity { get; init; }
    [Id(6)] public decimal? Remaining { get; init; }
    [Id(7)] public string? Unit { get; init; }
    [Id(8)] public DateTimeOffset? AvailableFrom { get; init; }
    [Id(9)] public bool ClearAvailableFrom { get; init; }
    [Id(10)] public DateTimeOffset? AvailableUntil { get; init; }
    [Id(11)] public bool ClearAvailableUntil { get; init; }
    [Id(12)] public string? Area { get; init; }
    [Id(13)] public DateTimeOffset? ExpiresAt { get; init; }
    [Id(14)] public bool ClearExpiresAt { get; init; }
    [Id(15)] public string? Reason { get; init; }

    [Id(20)] public string? Hub { get; init; }

    /// <summary>The offer as this edit would leave it (not yet checked: <see cref="Validate"/>).</summary>
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
