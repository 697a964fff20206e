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

    /// <summary>How often a region that owes the network its news looks whether a retry is due (<see cref="networkPacing"/>).</summary>
    private static readonly TimeSpan NetworkRetryTick = TimeSpan.FromSeconds(1);

    private readonly RetryPacing networkPacing = RetryPacing.UpTheTree();

    /// <summary>What the network's directory last kept of this region, in this activation.</summary>
    private RegionInfo? networkHas;

    private IGrainTimer? networkRetry;

    private RegionState S => state.State;

    private string Slug => this.GetPrimaryKeyString();

    public async Task<Result<RegionInfo>> Configure(string name, Actor actor)
    {
        if (!Common.Slug.IsValid(Slug)) return Result<RegionInfo>.Invalid("Slug", Reason.NotARegionKey, Common.LogSafe.Bound(Slug));
        var errors = new List<FieldError>();
        Text.Require(errors, nameof(name), name, 100, Reason.GiveRegionName);
        if (errors.Count > 0) return Result<RegionInfo>.Invalid(errors);
        await Save(s => s.Name = name.Trim(), directory: true);
        return Result<RegionInfo>.Ok(Info());
    }

    public Task<Result<RegionInfo>> Create(string name, Actor actor) =>
        S.Name is null ? Configure(name, actor) : Task.FromResult(Result<RegionInfo>.Refused(Reason.RegionExists, Slug));

    public Task<RegionOverview?> GetOverview() => Task.FromResult(S.Name is null ? null : Overview());

    public async Task RegisterHub(HubSummary hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        // Told to the network every time (each hub registers once per activation), so a directory
        // that missed a hub while the region was deactivated hears of it again.
        await Save(s =>
        {
            s.Name ??= Slug;
            s.Hubs[hub.Slug] = hub;
        }, directory: true);
    }

    public async Task HubUpdated(HubSummary hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        // Only hubs that registered belong here; a summary from elsewhere is ignored, as is an old one.
        if (!S.Hubs.TryGetValue(hub.Slug, out var current) || current.BoardVersion >= hub.BoardVersion) return;
        await Save(s => s.Hubs[hub.Slug] = hub);
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
    });

    /// <summary>Takes an item out of an inbox; writes only when it was there, so a repeated withdrawal is free.</summary>
    private async Task Drop<T>(Func<RegionState, List<T>> inbox, Predicate<T> match)
    {
        if (inbox(S).Exists(match)) await Save(s => inbox(s).RemoveAll(match));
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
    /// <param name="directory">The change may be news to the network's directory (a name, a hub).</param>
    private async Task Save(Action<RegionState> change, bool directory = false)
    {
        var next = S.Copy();
        change(next);
        next.Version = S.Version + 1;
        await state.WriteOrKeep(next);
        if (directory)
        {
            networkPacing.Now();
            await TellNetwork();
        }

        var overview = Overview();
        await observers.Notify(o => o.OnRegionChanged(overview));
    }

    /// <summary>
    /// The network's directory hears the region's name and hubs when they may have changed; the
    /// network being down never fails the region's own change, and retries (backing off, as a hub
    /// does to its region) tell it once it is back.
    /// </summary>
    private async Task TellNetwork()
    {
        var info = Info();
        var owed = networkHas?.SameAs(info) != true;
        if (owed && !networkPacing.Due) return;
        if (!owed || await AfterWrite.Try(() => GrainFactory.GetGrain<INetworkGrain>(0).RegisterRegion(info), logger, Common.LogSafe.Bound(Slug)))
        {
            networkHas = info;
            networkPacing.Kept();
            networkRetry?.Dispose();
            networkRetry = null;
        }
        else
        {
            networkPacing.Failed();
            networkRetry ??= this.RegisterGrainTimer(TellNetwork, new GrainTimerCreationOptions(NetworkRetryTick, NetworkRetryTick) { Interleave = false });
        }
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
