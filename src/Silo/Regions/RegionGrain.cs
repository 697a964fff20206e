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

    public Task ReceiveEscalation(EscalatedRequest escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return Keep(S.Escalations, escalation, e => e.Request.Id == escalation.Request.Id);
    }

    public Task WithdrawEscalation(Guid requestId) => Drop(S.Escalations, e => e.Request.Id == requestId);

    public Task ReceiveSharedOffer(SharedOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (S.SharedOffers.Exists(o => o.Offer.Id == offer.Offer.Id && o.Offer.Version >= offer.Offer.Version)) return Task.CompletedTask; // repeated or late
        return Keep(S.SharedOffers, offer, o => o.Offer.Id == offer.Offer.Id);
    }

    public Task WithdrawSharedOffer(Guid offerId) => Drop(S.SharedOffers, o => o.Offer.Id == offerId);

    /// <summary>Puts an item in one of the region's inboxes in place of an earlier copy of it (an escalation or share may come again).</summary>
    private Task Keep<T>(List<T> inbox, T item, Predicate<T> same)
    {
        S.Name ??= Slug;
        inbox.RemoveAll(same);
        inbox.Add(item);
        return Save(registerWithNetwork: false);
    }

    /// <summary>Takes an item out of an inbox; writes only when it was there.</summary>
    private async Task Drop<T>(List<T> inbox, Predicate<T> match)
    {
        if (inbox.RemoveAll(match) > 0) await Save(registerWithNetwork: false);
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
