using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Regions;

namespace MutualAid.Web.Region;

/// <summary>
/// A hub's or region's name as people read it; the slug is only its address. Asks no ability: each
/// caller has already decided the reader may see it (someone of the hub, the holder of an invitation,
/// the outbox of the hub's own messages).
/// </summary>
public static class HubNames
{
    /// <summary>The hub's name; null when there is no such hub (or it has no name).</summary>
    public static async Task<string?> Of(IGrainFactory grains, string hub)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return Slug.IsValid(hub) && await grains.GetGrain<IHubGrain>(hub).GetSettings() is { Name: { Length: > 0 } name } ? name : null;
    }

    /// <summary>The region's name; null when there is no such region (or it has no name).</summary>
    public static async Task<string?> OfRegion(IGrainFactory grains, string region)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return Slug.IsValid(region) && await grains.GetGrain<IRegionGrain>(region).GetOverview() is { Name: { Length: > 0 } name } ? name : null;
    }

    /// <summary>Each hub's name by slug (its slug where it has none), read side by side.</summary>
    public static Task<IReadOnlyDictionary<string, string>> OfHubs(IGrainFactory grains, IEnumerable<string> hubs) =>
        Many(hubs, hub => Of(grains, hub));

    /// <summary>Each region's name by slug (its slug where it has none), read side by side.</summary>
    public static Task<IReadOnlyDictionary<string, string>> OfRegions(IGrainFactory grains, IEnumerable<string> regions) =>
        Many(regions, region => OfRegion(grains, region));

    /// <summary>
    /// Each slug's name as <paramref name="name"/> reads it, each slug once; a slug with no name
    /// stands for itself, so a page always has something to show.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> Many(IEnumerable<string> slugs, Func<string, Task<string?>> name)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        ArgumentNullException.ThrowIfNull(name);
        var distinct = slugs.Distinct(StringComparer.Ordinal).ToArray();
        var names = await Task.WhenAll(distinct.Select(name));
        return distinct.Zip(names).ToDictionary(p => p.First, p => p.Second ?? p.First, StringComparer.Ordinal);
    }
}
