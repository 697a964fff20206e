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
        await Save(s => s.Name = name.Trim(), registerWithNetwork: true);
        return Result<RegionInfo>.Ok(Info());
    }

    public Task<RegionOverview?> GetOverview() => Task.FromResult(S.Name is null ? null : Overview());

    public async Task RegisterHub(HubSummary hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var isNew = !S.Hubs.ContainsKey(hub.Slug);
        await Save(s =>
        {
            s.Name ??= Slug;
            s.Hubs[hub.Slug] = hub;
        }, registerWithNetwork: isNew);
    }

    public async Task HubUpdated(HubSummary hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        // Only hubs that registered belong here; a summary from elsewhere is ignored, as is an old one.
        if (!S.Hubs.TryGetValue(hub.Slug, out var current) || current.BoardVersion >= hub.BoardVersion) return;
        await Save(s => s.Hubs[hub.Slug] = hub, registerWithNetwork: false);
    }

    public Task ReceiveEscalation(EscalatedRequest escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (S.Escalations.Exists(e => e.Outdates(escalation))) return Task.CompletedTask;
        return Keep(s => s.Escalations, escalation, e => e.Request.Id == escalation.Request.Id);
    }

    public Task WithdrawEscalation(Guid requestId) => Drop(s => s.Escalations, e => e.Request.Id == requestId);

    public Task ReceiveSharedOffer(SharedOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (S.SharedOffers.Exists(o => o.Offer.Id == offer.Offer.Id && o.Offer.Version >= offer.Offer.Version)) return Task.CompletedTask; // repeated or late
        return Keep(s => s.SharedOffers, offer, o => o.Offer.Id == offer.Offer.Id);
    }

    public Task WithdrawSharedOffer(Guid offerId) => Drop(s => s.SharedOffers, o => o.Offer.Id == offerId);

    /// <summary>Puts an item in one of the region's inboxes in place of an earlier copy of it (an escalation or share may come again).</summary>
    private Task Keep<T>(Func<RegionState, List<T>> inbox, T item, Predicate<T> same) => Save(s =>
    {
        s.Name ??= Slug;
        inbox(s).RemoveAll(same);
        inbox(s).Add(item);
    }, registerWithNetwork: false);

    /// <summary>Takes an item out of an inbox; writes only when it was there, so a repeated withdrawal is free.</summary>
    private async Task Drop<T>(Func<RegionState, List<T>> inbox, Predicate<T> match)
    {
        if (inbox(S).Exists(match)) await Save(s => inbox(s).RemoveAll(match), registerWithNetwork: false);
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

    /// <summary>
    /// Writes the state <paramref name="change"/> makes of a copy: when the store refuses, memory stays
    /// as the store has it, so a failed escalation leaves no phantom that a later write would keep.
    /// </summary>
    private async Task Save(Action<RegionState> change, bool registerWithNetwork)
    {
        var next = S.Copy();
        change(next);
        next.Version = S.Version + 1;
        await state.WriteOrKeep(next);
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
