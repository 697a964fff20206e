using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Board;

[GenerateSerializer, Immutable, Alias("MutualAid.BoardSnapshot")]
public sealed record BoardSnapshot(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] string HubName,
    [property: Id(2)] string? RegionSlug,
    [property: Id(3)] long Version,
    [property: Id(4)] IReadOnlyList<RequestSummary> Requests,
    [property: Id(5)] IReadOnlyList<VolunteerSummary> Volunteers,
    [property: Id(6)] IReadOnlyList<OfferSummary> Offers,
    [property: Id(7)] BoardCounts Counts);
