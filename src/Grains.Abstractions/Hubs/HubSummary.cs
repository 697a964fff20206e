using MutualAid.Board;

namespace MutualAid.Hubs;

/// <summary>A hub at a glance, as a region sees it.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.HubSummary")]
public sealed record HubSummary(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string? RegionSlug,
    [property: Id(3)] long BoardVersion,
    [property: Id(4)] int OpenRequests,
    [property: Id(5)] BoardCounts Counts,
    [property: Id(6)] DateTimeOffset UpdatedAt)
{
    /// <summary>The hub's named areas, so the public forms can offer them without asking each hub (Id 30 up: named areas).</summary>
    [Id(30)] public IReadOnlyList<NamedArea> Areas { get; init; } = [];
}
