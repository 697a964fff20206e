using Microsoft.Extensions.Logging;
using MutualAid.Hubs;
using MutualAid.Regions;
using Orleans.Utilities;

namespace MutualAid.Silo.Regions;

/// <summary>
/// A region: its hubs' live summaries, the inbox of needs its hubs could not meet and the surplus offers they share.
/// Hubs call up into it; it only ever calls the network directory above it.
/// </summary>
public sealed class RegionGrain(
    [PersistentState("region")] IPersistentState<RegionState> state,
    ILogger<RegionGrain> logger) : Grain, IRegionGrain
{
    private readonly ObserverManager<IRegionObserver> observers = new(TimeSpan.FromMinutes(3), logger);

    private RegionState S => state.State;

    private string Slug => this.GetPrimaryKeyString();

    public async Task<Result<RegionInfo>> Configure(string name, Actor actor)
    {
        if (!Common.Slug.IsValid(Slug)) return Result<RegionInfo>.Invalid("Slug", Reason.NotARegionKey, Common.LogSafe.Bound(Slug));
        var errors = new List<FieldError>();
        Text.Require(errors, nameof(name), name, 100, Reason.GiveRegionName);
        if (errors.Count > 0) return Result<RegionInfo>.Invalid(errors);
        S.Name = name.Trim();
        await Save(registerWithNetwork: true);
        return Result<RegionInfo>.Ok(Info());
    }

    public Task<RegionOverview?> GetOverview() => Task.FromResult(S.Name is null ? null : Overview());

    public async Task RegisterHub(HubSummary hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var isNew = !S.Hubs.ContainsKey(hub.Slug);
        S.Name ??= Slug;
        S.Hubs[hub.Slug] = hub;
        await Save(registerWithNetwork: isNew);
    }

    public async Task HubUpdated(HubSummary hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        // Only hubs that registered belong here; a summary from elsewhere is ignored, as is an old one.
        if (!S.Hubs.TryGetValue(hub.Slug, out var current) || current.BoardVersion >= hub.BoardVersion) return;
        S.Hubs[hub.Slug] = hub;
        await Save(registerWithNetwork: false);
    }

    public async Task ReceiveEscalation(EscalatedRequest escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        S.Name ??= Slug;
        S.Escalations.RemoveAll(e => e.Request.Id == escalation.Request.Id);
        S.Escalations.Add(escalation);
        await Save(registerWithNetwork: false);
    }

    public async Task WithdrawEscalation(Guid requestId)
    {
        if (S.Escalations.RemoveAll(e => e.Request.Id == requestId) > 0) await Save(registerWithNetwork: false);
    }

    public async Task ReceiveSharedOffer(SharedOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (S.SharedOffers.Exists(o => o.Offer.Id == offer.Offer.Id && o.Offer.Version >= offer.Offer.Version)) return; // repeated or late
        S.Name ??= Slug;
        S.SharedOffers.RemoveAll(o => o.Offer.Id == offer.Offer.Id);
        S.SharedOffers.Add(offer);
        await Save(registerWithNetwork: false);
    }

    public async Task WithdrawSharedOffer(Guid offerId)
    {
        if (S.SharedOffers.RemoveAll(o => o.Offer.Id == offerId) > 0) await Save(registerWithNetwork: false);
    }

    public Task<RegionOverview?> Subscribe(IRegionObserver observer)
    {
        observers.Subscribe(observer, observer);
        return GetOverview();
    }

    public Task Unsubscribe(IRegionObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task Save(bool registerWithNetwork)
    {
        S.Version++;
        await state.WriteStateAsync();
        if (registerWithNetwork)
        {
            await GrainFactory.GetGrain<INetworkGrain>(0).RegisterRegion(Info());
        }

        var overview = Overview();
        await observers.Notify(o => o.OnRegionChanged(overview));
    }

    private RegionInfo Info() => new(Slug, S.Name ?? Slug, S.Hubs.Keys.Order(StringComparer.Ordinal).ToArray());

    private RegionOverview Overview() => new(
        Slug, S.Name ?? Slug,
        S.Hubs.Values.OrderBy(h => h.Name, StringComparer.OrdinalIgnoreCase).ToArray(),
        S.Escalations.OrderBy(e => e.At).ToArray(),
        S.Version)
    {
        SharedOffers = S.SharedOffers.OrderBy(o => o.At).ToArray(),
    };
}
