using MutualAid.Requests;

namespace MutualAid.Offers;

[GenerateSerializer, Immutable, Alias("MutualAid.OfferSummary")]
public sealed record OfferSummary(
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
    [property: Id(10)] DateTimeOffset CreatedAt)
{
    [Id(11)] public DateTimeOffset? AvailableFrom { get; init; }
    [Id(12)] public DateTimeOffset? AvailableUntil { get; init; }
    [Id(13)] public string? Area { get; init; }
    [Id(20)] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Snapped to the display grid (see <see cref="GeoPoint.Approximate"/>), never the exact place.</summary>
    [Id(30)] public GeoPoint? ApproximateLocation { get; init; }

    /// <summary>The region this surplus is shared with (Ids 150-159: regions that share).</summary>
    [Id(150)] public string? SharedWithRegion { get; init; }
}
