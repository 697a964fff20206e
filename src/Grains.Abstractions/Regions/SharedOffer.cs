using MutualAid.Offers;

namespace MutualAid.Regions;

/// <summary>A surplus offer a hub shared with its region, waiting for another hub to take it (redacted).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.SharedOffer")]
public sealed record SharedOffer(
    [property: Id(0)] OfferSummary Offer,
    [property: Id(1)] string FromHub,
    [property: Id(2)] DateTimeOffset At);
