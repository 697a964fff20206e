using MutualAid.Hubs;

namespace MutualAid.Web.Localization;

/// <summary>
/// The time zone each hub names, once per circuit or request: every time a person reads is in their
/// hub's zone, and a page that shows many rows asks once, not once a row. A hub's zone is public.
/// </summary>
public sealed class HubZones(IGrainFactory grains)
{
    private readonly Dictionary<string, TimeZoneInfo> known = new(StringComparer.Ordinal);

    /// <summary>The hub's zone; UTC when it names none this server knows.</summary>
    public async Task<TimeZoneInfo> Of(string hub)
    {
        if (known.TryGetValue(hub, out var zone)) return zone;
        zone = HubZone.Of(await grains.GetGrain<IHubGrain>(hub).GetSettings());
        known[hub] = zone;
        return zone;
    }

    /// <summary>Reads the hub's zone afresh next time, once this circuit has changed it.</summary>
    public void Forget(string hub) => known.Remove(hub);
}
