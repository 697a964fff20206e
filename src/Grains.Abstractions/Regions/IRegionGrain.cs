using MutualAid.Hubs;

namespace MutualAid.Regions;

/// <summary>
/// A network of hubs. Hubs call up into it (registration, summaries); it never calls a hub,
/// so the hub → region direction cannot form a cycle.
/// </summary>
[Alias("MutualAid.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    [Alias("Configure")] Task<Result<RegionInfo>> Configure(string name, Actor actor);

    /// <summary>
    /// Names a region that has no name yet; refuses (RegionExists) one that has, so making a hub in
    /// "east side" does not rename "East Side".
    /// </summary>
    [Alias("Create")] Task<Result<RegionInfo>> Create(string name, Actor actor);

    /// <summary>Null until configured or until a hub has joined.</summary>
    [Alias("GetOverview")] Task<RegionOverview?> GetOverview();

    [Alias("RegisterHub")] Task RegisterHub(HubSummary hub);

    [OneWay, Alias("HubUpdated")] Task HubUpdated(HubSummary hub);

    [Alias("ReceiveEscalation")] Task ReceiveEscalation(EscalatedRequest escalation);

    /// <summary>The need was met, taken by a hub or withdrawn: it leaves the region's inbox.</summary>
    [Alias("WithdrawEscalation")] Task WithdrawEscalation(Guid requestId);

    /// <summary>A hub's surplus offer waiting for another hub of the region (again, with the offer's newer summary).</summary>
    [Alias("ReceiveSharedOffer")] Task ReceiveSharedOffer(SharedOffer offer);

    /// <summary>The offer was taken, used up or closed: it leaves the region's inbox.</summary>
    [Alias("WithdrawSharedOffer")] Task WithdrawSharedOffer(Guid offerId);

    [Alias("Subscribe")] Task<RegionOverview?> Subscribe(IRegionObserver observer);

    [Alias("Unsubscribe")] Task Unsubscribe(IRegionObserver observer);
}
