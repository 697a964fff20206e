namespace MutualAid.Regions;

[GenerateSerializer, Immutable, Alias("MutualAid.RegionInfo")]
public sealed record RegionInfo(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> HubSlugs);
