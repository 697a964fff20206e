using MutualAid.Requests;

namespace MutualAid.Offers;

/// <summary>PRIVATE full view of an offer (includes the giver's contact).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.OfferView")]
public sealed record OfferView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] string HubSlug,
    [property: Id(3)] OfferKind Kind,
    [property: Id(4)] RequestCategory Category,
    [property: Id(5)] string Description,
    [property: Id(6)] decimal Quantity,
    [property: Id(7)] decimal Remaining,
    [property: Id(8)] string Unit,
    [property: Id(9)] OfferStatus Status,
    [property: Id(10)] ContactDetails Contact,
    [property: Id(11)] DateTimeOffset CreatedAt)
{
    [Id(12)] public DateTimeOffset? AvailableFrom { get; init; }
    [Id(13)] public DateTimeOffset? AvailableUntil { get; init; }
    [Id(14)] public string? Area { get; init; }
    [Id(15)] public IReadOnlyList<OfferDrawDown> DrawDowns { get; init; } = [];
    [Id(20)] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Private: may be a giver's own position. Summaries carry it snapped to the display grid.</summary>
    [Id(30)] public GeoPoint? Location { get; init; }

    /// <summary>The region this surplus is shared with, so another hub of it can take it (Ids 150-159: regions that share).</summary>
    [Id(150)] public string? SharedWithRegion { get; init; }

    public OfferSummary Redact() => new(Id, Version, HubSlug, Kind, Category, Description, Quantity, Remaining, Unit, Status, CreatedAt)
    {
        AvailableFrom = AvailableFrom,
        AvailableUntil = AvailableUntil,
        Area = Area,
        ApproximateLocation = Location?.Approximate(),
        ExpiresAt = ExpiresAt,
        SharedWithRegion = SharedWithRegion,
    };
}

[GenerateSerializer, Immutable, Alias("MutualAid.OfferDrawDown")]
public sealed record OfferDrawDown(
    [property: Id(0)] Guid? RequestId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] Actor Actor,
    [property: Id(3)] DateTimeOffset At);
