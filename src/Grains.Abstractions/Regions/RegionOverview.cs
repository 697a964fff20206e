using MutualAid.Hubs;

namespace MutualAid.Regions;

[GenerateSerializer, Immutable, Alias("MutualAid.RegionOverview")]
public sealed record RegionOverview(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<HubSummary> Hubs,
    [property: Id(3)] IReadOnlyList<EscalatedRequest> Escalations,
    [property: Id(4)] long Version)
{
    /// <summary>Surplus offers its hubs shared, waiting for another hub to take them.</summary>
    [Id(150)] public IReadOnlyList<SharedOffer> SharedOffers { get; init; } = [];
}
