using System.Collections.Concurrent;
using MutualAid.Accounts;
using MutualAid.Common;
using MutualAid.Hubs;

namespace MutualAid.Web.Accounts;

/// <summary>Which region a hub belongs to, cached briefly: authorisation asks on every request.</summary>
public sealed class HubDirectory(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (bool Exists, string? Region, DateTimeOffset At)> cache = new(StringComparer.Ordinal);

    public async Task<(bool Exists, string? Region)> Find(string hub)
    {
        if (!Slug.IsValid(hub)) return (false, null);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(hub, out var known) && now - known.At < Freshness) return (known.Exists, known.Region);
        var settings = await grains.GetGrain<IHubGrain>(hub).GetSettings();
        cache[hub] = (settings is not null, settings?.RegionSlug, now);
        return (settings is not null, settings?.RegionSlug);
    }

    /// <summary>
    /// Whether an enabled account holds the Safeguarding role at <paramref name="hub"/>: asked on each
    /// request that depends on it, never cached (the directory answers from memory and calls nothing).
    /// </summary>
    public Task<bool> HasSafeguarding(string hub) =>
        grains.GetGrain<IUserDirectoryGrain>(0).AnyHolds(new RoleGrant(Role.Safeguarding, hub));
}
