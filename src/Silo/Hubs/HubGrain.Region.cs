using MutualAid.Regions;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// The hub's line in its region: registered when the hub is configured (and once per activation),
/// then a summary at most once a second. The region being down never fails the hub's own change:
/// a push that fails is tried again, backing off, until the region keeps it.
/// </summary>
public sealed partial class HubGrain
{
    private static readonly TimeSpan RegionPushInterval = TimeSpan.FromSeconds(1);

    /// <summary>The region has a change of this hub's to hear (or has not registered it yet in this activation).</summary>
    private bool regionDirty = true;

    /// <summary>The region registered this hub in this activation: later changes are summaries only.</summary>
    private bool regionHasUs;

    private readonly RetryPacing regionPacing = RetryPacing.UpTheTree();

    /// <summary>Settings changed: the region registers the hub again (its name or region may be new), now.</summary>
    private Task RegisterWithRegion()
    {
        regionHasUs = false;
        regionDirty = true;
        regionPacing.Now();
        return PushToRegion();
    }

    private async Task PushToRegion()
    {
        if (!regionDirty || S.Settings?.RegionSlug is not { } slug || !regionPacing.Due) return;
        var region = GrainFactory.GetGrain<IRegionGrain>(slug);
        var summary = Summary();
        var registering = !regionHasUs;
        if (await AfterWrite.Try(() => registering ? region.RegisterHub(summary) : region.HubUpdated(summary), logger, Common.LogSafe.Bound(Slug)))
        {
            regionHasUs |= registering;
            regionDirty = false;
            regionPacing.Kept();
            return;
        }

        regionPacing.Failed();
    }
}
