using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MutualAid.Board;
using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Sms;
using MutualAid.Stats;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// A hub's board. It is a projection fed by one-way notices from entity grains. Changes are
/// applied in memory at once and group-committed: one write persists every change that arrived
/// while the previous write was in flight, and only then is that batch published as one delta, so
/// a delta an observer receives is never lost on restart. At a trickle every change is its own
/// write and delta; under a burst the hub writes and fans out once per batch instead of once per
/// change, which is what lets a busy hub keep up (docs/benchmarks.md).
/// Changes take their board version when they are applied, so a snapshot taken while changes wait
/// for the write already carries the version of the delta that will publish them; receivers skip
/// that delta as already seen. Reentrant so notices keep being applied while a write is in flight;
/// every turn changes state only before its first await. Calls only its region (upwards).
/// </summary>
[Reentrant]
[GrainType("neighbourhood")]
public sealed partial class HubGrain(
    [PersistentState("hub")] IPersistentState<HubState> state,
    [PersistentState("hub-people")] IPersistentState<HubPeopleState> people,
    [PersistentState("hub-people-log")] IPersistentState<HubPeopleLog> peopleLog,
    [PersistentState("hub-log")] IPersistentState<HubBoardLog> boardLog,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<Hosting.DeadlineOptions> deadlines,
    ILogger<HubGrain> logger) : Grain, IHubGrain
{
    /// <summary>Observers must re-subscribe within this window or are dropped (their process may be gone).</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How far a new activation moves the board version past what was kept. A version is shown
    /// without being kept only when a snapshot seals it while a write is in flight, so an
    /// activation can leave behind at most a handful (one per snapshot request during the last
    /// two writes, each a few milliseconds); ten thousand is far beyond that.
    /// </summary>
    internal const int UnkeptVersions = 10_000;

    /// <summary>
    /// How many marks of requests off the board are kept exactly; older ones are folded into counts.
    /// A late notice is seconds old, and a thousand closures is hours of a busy hub's work.
    /// </summary>
    internal const int KeptClosedMarks = 1_000;

    /// <summary>
    /// How many versions of offers off the board are kept; older ones are trimmed. The same bound as
    /// <see cref="KeptClosedMarks"/>: a late notice is seconds old, and offers close far more slowly.
    /// </summary>
    internal const int KeptClosedOffers = 1_000;


    private readonly ObserverManager<IBoardObserver> observers = new(ObserverExpiry, logger);
    private readonly HubIndexes indexes = new();
    private readonly MarkFolding folding = new();
    private readonly OfferVersionTrimming offerTrimming = new();
    private readonly BoardHolders holders = new();
    private readonly BoardRows rows = new();
    private readonly Dictionary<long, BoardCounts> sealedCounts = [];
    private GroupCommit<PendingChange>? committer;

    /// <summary>Request changes applied since the last write began, for the figures once it is kept.</summary>
    private List<RequestCounted> counted = [];

    /// <summary>Set when a board write failed for good: memory holds changes the store does not.</summary>
    private bool storeBehind;

    /// <summary>The person index changed since it was last written: the next batch writes it before the board.</summary>
    private bool peopleChanged;

    /// <summary>A key left the person index: the next batch writes the whole index, not just the log.</summary>
    private bool peopleDropped;

    /// <summary>
    /// Filings the log holds before the next batch writes the whole person index instead. A new
    /// person's write carries at most this many, and the whole index is written once per this many
    /// new people: both far below the tens of thousands a busy hub's index reaches.
    /// </summary>
    internal const int PeopleLogLimit = 500;

    /// <summary>The next board write is whole (settings changed), not logged.</summary>
    private bool wholeDue;

    /// <summary>Something personal left the board: the next write is whole and erasing, and empties the log.</summary>
    private bool erasureDue;

    /// <summary>The stored log may hold entries: an erasing whole write must empty it too.</summary>
    private bool logStored;

    private const int WriteAttempts = 3;
    private bool versionOpen;

    /// <summary>The hub's figures, told of every batch (the reference kept: see <see cref="Hosting.KeyedGrains{T}"/>).</summary>
    private IHubStatsGrain? stats;

    private IHubStatsGrain Stats => stats ??= GrainFactory.GetGrain<IHubStatsGrain>(Slug);

    private HubState S => state.State;

    private string Slug => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Entries the whole board already holds are dropped in memory only: the store still holds them.
        logStored = BoardRows.Replay(S, boardLog.State) || boardLog.State.Entries.Count > 0;
        if (HubIndexes.Replay(people.State, peopleLog.State))
        {
            peopleLog.State.ScrubOnNextWrite = true;
            await peopleLog.WriteStateAsync(cancellationToken);
        }

        if (S.People.Count > 0)
        {
            // A hub stored with the person index inside its board: the index moves to its own state,
            // written first, so a crash before the board's write below leaves it in both (merged again here).
            foreach (var (key, ids) in S.People)
            {
                if (!people.State.People.TryGetValue(key, out var kept)) people.State.People[key] = kept = [];
                kept.AddRange(ids.Where(id => !kept.Contains(id)));
            }

            people.State.LoggedThrough = peopleLog.State.LastNumber;
            await people.WriteStateAsync(cancellationToken);
            S.People = [];
        }

        indexes.Rebuild(S, people.State);
        holders.Rebuild(S.Open.Values);
        folding.Rebuild(S); // the last reader of RecentlyChanged, for marks kept before they had a time
        offerTrimming.Rebuild(S);
        S.RecentlyChanged.Clear();
        CountStoredFulfilments();
        committer = new GroupCommit<PendingChange>(CommitBatch);
        if (S.Version > 0)
        {
            // A board kept before marks were folded (or with more than it keeps) is compacted in this write.
            folding.Fold(S, KeptClosedMarks);
            offerTrimming.Trim(S, KeptClosedOffers);
            // A previous activation may have shown versions it never kept (sealed by snapshots while
            // a write was in flight). Moving past them, durably, means a version number never
            // stands for two different boards, so every board that saw one resyncs.
            S.Version += UnkeptVersions + 1;
            await WriteWhole();
        }

        // Coalesce region updates: a burst of changes costs the region one message per second.
        this.RegisterGrainTimer(PushToRegion, new GrainTimerCreationOptions(RegionPushInterval, RegionPushInterval) { Interleave = false });
        ArmOfferWindow();
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<Result<HubSummary>> Configure(HubSettings settings, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Common.Slug.IsValid(Slug)) return Result<HubSummary>.Invalid("Slug", Reason.NotAHubKey, Common.LogSafe.Bound(Slug));
        var errors = settings.Validate(deadlines.Value.Shortest);
        if (errors.Count > 0) return Result<HubSummary>.Invalid(errors);
        if (S.Settings?.RegionSlug is { } oldRegion && oldRegion != settings.RegionSlug)
        {
            return Result<HubSummary>.Refused(Reason.HubInOtherRegion, Slug, oldRegion);
        }

        if (await ClaimSmsNumber(S.Settings?.SmsNumberKey(), settings.SmsNumberKey()) is { } taken) return taken;
        wholeDue = true; // settings are not logged
        S.Settings = settings with
        {
            Name = settings.Name.Trim(),
            SmsNumber = settings.SmsNumber?.Trim() is { Length: > 0 } n ? n : null,
            Areas = [.. (settings.Areas ?? []).Select(a => a with { Name = a.Name.Trim() })],
        };
        await Publish([]);
        await RegisterWithRegion();
        return Result<HubSummary>.Ok(Summary());
    }

    public Task<Result<HubSummary>> Create(HubSettings settings, Actor actor) =>
        S.Settings is null ? Configure(settings, actor) : Task.FromResult(Result<HubSummary>.Refused(Reason.HubExists, Slug));

    /// <summary>
    /// Takes the new SMS number in the index (refused when another hub has it) and lets the old one go.
    /// The index is a leaf that calls nobody, so hub → index cannot deadlock.
    /// </summary>
    private async Task<Result<HubSummary>?> ClaimSmsNumber(string? old, string? wanted)
    {
        if (old == wanted) return null;
        if (wanted is not null && !await GrainFactory.GetGrain<ISmsNumberGrain>(wanted).Claim(Slug))
        {
            return Result<HubSummary>.Invalid(nameof(HubSettings.SmsNumber), Reason.SmsNumberTaken);
        }

        if (old is not null) await GrainFactory.GetGrain<ISmsNumberGrain>(old).Release(Slug);
        return null;
    }

    public Task<HubSummary?> GetSummary() => Task.FromResult(S.Settings is null ? null : Summary());

    public Task<HubSettings?> GetSettings() => Task.FromResult(S.Settings);

    public Task<BoardSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public Task<BoardSnapshot> Subscribe(IBoardObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.FromResult(Snapshot());
    }

    public Task Unsubscribe(IBoardObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits until <paramref name="changes"/> (already applied in memory) are persisted and
    /// published. Changes that arrive while a write is in flight join the next batch.
    /// </summary>
    private Task Publish(IReadOnlyList<BoardChange> changes)
    {
        if (!versionOpen)
        {
            versionOpen = true;
            S.Version++;
        }

        S.UpdatedAt = clock.GetUtcNow();
        var version = S.Version;
        // An empty change list still publishes its version: the counts moved.
        return committer!.Enqueue(changes.Count == 0 ? [new PendingChange(version, null)] : changes.Select(c => new PendingChange(version, c)).ToArray());
    }

    /// <summary>
    /// Writes once for everything pending, then publishes one delta per version in order. A
    /// version was sealed either here or by a snapshot that showed it (see <see cref="Snapshot"/>).
    /// </summary>
    private async Task CommitBatch(IReadOnlyList<PendingChange> batch)
    {
        versionOpen = false;
        folding.Fold(S, KeptClosedMarks, rows.Request);
        offerTrimming.Trim(S, KeptClosedOffers, rows.Offer);
        var countsNow = Counts();
        var forStats = counted;
        counted = [];
        var deltas = batch.GroupBy(p => p.Version).OrderBy(g => g.Key).Select(g => new BoardDelta(
            Slug, g.Key, g.Where(p => p.Change is not null).Select(p => p.Change!).ToArray(),
            sealedCounts.Remove(g.Key, out var counts) ? counts : countsNow)).ToArray();
        try
        {
            // The index first: a board whose marks name a request the index lacks would take that
            // request, announced again, for one it has never seen.
            if (peopleChanged)
            {
                peopleChanged = false;
                await WritePeople();
            }

            await WriteBoard();
        }
        catch
        {
            // Memory is now ahead of the store; a fresh activation reloads what was really kept, and
            // the entities whose notices were in this batch see it fail and send them again.
            storeBehind = true;
            DeactivateOnIdle();
            throw;
        }

        regionDirty = true;
        // Only once the board kept them, and one way: the figures never hold the board up or call
        // back. One notice per write, not per change: a busy hub's batches carry dozens.
        if (forStats.Count > 0) Stats.RequestsChanged(forStats).Ignore();
        foreach (var delta in deltas)
        {
            await observers.Notify(o => o.OnBoardDelta(delta));
            LogPublished(logger, Slug, delta.Version, delta.Changes.Count, observers.Count);
        }
    }

    /// <summary>
    /// After a write failed for good, memory holds changes the store does not: "already have that
    /// version" would be a lie, so every notice is refused (its sender tries again) until the next
    /// activation reloads what was really kept.
    /// </summary>
    private void RefuseWhileStoreBehind()
    {
        if (storeBehind) throw new InvalidOperationException($"Hub {Slug} could not write its board; send the change again shortly.");
    }

    /// <summary>
    /// The new filings in the log; the whole index instead when the log is full or a key left it,
    /// after which the log keeps only what came during that write (and is scrubbed of a dropped key).
    /// </summary>
    private async Task WritePeople()
    {
        if (peopleDropped || peopleLog.State.Filed.Count >= PeopleLogLimit)
        {
            peopleDropped = false;
            var through = peopleLog.State.LastNumber;
            people.State.LoggedThrough = through;
            await WriteWithRetries(people);
            peopleLog.State.Filed.RemoveAll(f => f.Number <= through);
        }

        await WriteWithRetries(peopleLog);
    }

    /// <summary>
    /// The rows this batch changed, appended to the log; the whole board instead when the log has no
    /// room for them or the write must be whole (settings, an erasure, an activation).
    /// </summary>
    private async Task WriteBoard()
    {
        var log = boardLog.State;
        if (!wholeDue && !erasureDue && log.Entries.Sum(e => e.Rows) + rows.Count <= rows.Room(S))
        {
            log.Entries.Add(rows.Capture(++log.LastNumber, S));
            logStored = true;
            await WriteWithRetries(boardLog);
            return;
        }

        await WriteWhole();
    }

    /// <summary>
    /// The whole board, holding every entry logged so far. The stored log is left as it is (its entries'
    /// numbers say the board holds them) unless this write erases: then it is emptied too, by an erasing write.
    /// </summary>
    private async Task WriteWhole()
    {
        var log = boardLog.State;
        var erasing = erasureDue;
        erasureDue = wholeDue = false;
        rows.Forget();
        S.LoggedThrough = log.LastNumber;
        await WriteWithRetries(state);
        log.Entries.Clear();
        if (!erasing || !logStored) return;
        log.ScrubOnNextWrite = true;
        await WriteWithRetries(boardLog);
        logStored = false;
    }

    /// <summary>Asks for an erasing write of the whole board, which also empties its log (older entries may hold what left).</summary>
    private void EraseOnNextWrite() => erasureDue = S.ScrubOnNextWrite = true;

    /// <summary>A store hiccup (a Redis failover, a busy SQLite file) should cost a moment, not a batch.</summary>
    private async Task WriteWithRetries<T>(IPersistentState<T> target)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await target.WriteStateAsync();
                return;
            }
            catch (Exception ex) when (attempt < WriteAttempts && ex is not Orleans.Storage.InconsistentStateException)
            {
                LogWriteRetry(logger, Common.LogSafe.Bound(Slug), attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt * attempt));
            }
        }
    }

    /// <summary>
    /// The board as it stands, labelled with the current version. If that version is still open
    /// (changes waiting for the write) it is sealed: later changes take the next version, so the
    /// delta for this one carries exactly what this snapshot shows and receivers can skip it.
    /// </summary>
    private BoardSnapshot Snapshot()
    {
        var counts = Counts();
        if (versionOpen)
        {
            versionOpen = false;
            sealedCounts[S.Version] = counts;
        }

        return new(Slug, S.Settings?.Name ?? Slug, S.Settings?.RegionSlug, S.Version,
            BoardApplier.Order(S.Open.Values), BoardApplier.OrderVolunteers(S.Volunteers.Values.Select(v => holders.Shown(v, S))),
            BoardApplier.OrderOffers(S.Offers.Values), counts);
    }

    private HubSummary Summary() =>
        new(Slug, S.Settings?.Name ?? Slug, S.Settings?.RegionSlug, S.Version, S.Open.Count, Counts(), S.UpdatedAt)
        {
            // Settings kept before areas existed load with none.
            Areas = S.Settings?.Areas ?? [],
        };

    [LoggerMessage(Level = LogLevel.Trace, Message = "Hub {Hub} board v{Version}: {Changes} change(s) to {Observers} observer(s)")]
    private static partial void LogPublished(ILogger logger, string hub, long version, int changes, int observers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub {Hub}: board write attempt {Attempt} failed; trying again")]
    private static partial void LogWriteRetry(ILogger logger, string hub, int attempt, Exception error);
}
