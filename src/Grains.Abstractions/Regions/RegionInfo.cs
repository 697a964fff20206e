namespace MutualAid.Regions;

[GenerateSerializer, Immutable, Alias("MutualAid.RegionInfo")]
public sealed record RegionInfo(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> HubSlugs)
{
    /// <summary>The same region, name and hubs (a record's own equality compares the hub lists by reference).</summary>
    public bool SameAs(RegionInfo other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Slug == other.Slug && Name == other.Name && HubSlugs.SequenceEqual(other.HubSlugs, StringComparer.Ordinal);
    }
}
