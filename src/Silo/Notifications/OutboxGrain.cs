using Microsoft.Extensions.Options;
using MutualAid.Hubs;
using MutualAid.Notifications;
using MutualAid.Silo.Audit;
using MutualAid.Silo.Hubs;
using Orleans.Concurrency;

namespace MutualAid.Silo.Notifications;

/// <summary>
/// A hub's outbox. Entity grains hand it messages after their own write (again after a crash:
/// the key makes that harmless); senders lease due ones, so two front-ends never send one
/// message at the same time, and report back. Failures back off and end as Failed after the
/// configured tries; non-critical messages wait out the hub's quiet hours. It calls only the
/// directory and reads its hub's settings (the hub never calls an outbox), so no cycle forms.
/// Reentrant with group commit, as the hub is: a busy hub's request grains hand their messages
/// concurrently, and the ones arriving while a write is in flight share the next write instead of
/// each serialising the whole outbox again (docs/benchmarks.md, issue 18). Every turn changes the
/// entries only between its awaits, never across one. Finished messages wait in the open state
/// until <see cref="FinishedPerHistoryWrite"/> of them go to the history in one write, so the
/// write every hand, lease and report makes holds the open messages and a few finished ones, not
/// the hundreds the coordinators' view keeps. Once more than <see cref="LogLimit"/> messages are
/// open (a night's non-critical ones waiting out the quiet hours), a write carries only what changed
/// since the open state was last written whole (<see cref="OutboxLog"/>).
/// </summary>
[Reentrant]
public sealed class OutboxGrain(
    [PersistentState("outbox")] IPersistentState<OutboxState> state,
    [PersistentState("outbox-history")] IPersistentState<OutboxHistory> history,
    [PersistentState("outbox-log")] IPersistentState<OutboxLog> log,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<OutboxOptions> options) : Grain, IOutboxGrain
{
    /// <summary>
    /// Finished messages gathered before the history is written. Fewer write the history (all
    /// the whole ones it keeps) more often; more make every open-state write carry more.
    /// </summary>
    internal const int FinishedPerHistoryWrite = 20;

    /// <summary>
    /// How many open messages make the log worth keeping: up to this many, the whole state is a write
    /// of about the same size as the log would be.
    /// </summary>
    internal const int LogLimit = 200;

    /// <summary>The fewest changes the log holds before the open state is written whole again (<see cref="Persistence.LogRoom"/>).</summary>
    internal const int MinimumLogRoom = 32;

    /// <summary>Keys whose entries changed since the last write, by the turns that changed them.</summary>
    private readonly HashSet<string> changed = new(StringComparer.Ordinal);
    private readonly Persistence.LogRoom logRoom = new(MinimumLogRoom);

    private readonly OutboxOptions settings = options.Value;
    private TimeZoneInfo? zone;
    private bool? listed;
    private GroupCommit<bool>? committer;
    private HashSet<ulong>? finishedHashes;
    private bool wholeDue;
    private bool historyChanged;

    private Dictionary<string, OutboxEntry> Entries => state.State.Entries;

    private HashSet<ulong> FinishedHashes => finishedHashes ??= [.. history.State.Keys.Select(f => f.Hash), .. state.State.Finished.Select(f => f.Hash)];

    private DateTimeOffset Now => clock.GetUtcNow();

    private string Hub => this.GetPrimaryKeyString();

    /// <summary>The stored open state with the logged changes it does not hold yet.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A crash after the whole state was written and before the log was emptied left older changes behind.
        (log.State.LastNumber, _) = Persistence.NumberedLog.Replay(log.State.Changes, log.State.LastNumber, state.State.LoggedThrough, c => c.Number, change =>
        {
            if (change.Entry is { } entry) Entries[change.Key] = entry;
            else Entries.Remove(change.Key);
        });
        return base.OnActivateAsync(cancellationToken);
    }

    private void Put(OutboxEntry entry)
    {
        Entries[entry.Key] = entry;
        changed.Add(entry.Key);
    }

    private void Drop(string key)
    {
        Entries.Remove(key);
        changed.Add(key);
    }

    public async Task Enqueue(IReadOnlyList<OutboundMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var fresh = messages.Where(m => !Known(m.Key)).DistinctBy(m => m.Key).ToArray();
        if (fresh.Length == 0) return;
        var now = Now;
        foreach (var message in fresh)
        {
            var (status, notBefore) = await Schedule(message, now);
            // Another hand of the same message may have landed during the await: the first one stays.
            if (!Known(message.Key)) Put(new OutboxEntry(message, status, 0, notBefore));
        }

        await Save();
    }

    /// <summary>Held whole, or finished long enough ago that only its key is kept.</summary>
    private bool Known(string key) =>
        Entries.ContainsKey(key) || history.State.Whole.ContainsKey(key) || FinishedHashes.Contains(OutboxKeys.Hash(key));

    /// <summary>The entry as it stands: the open state's copy wins over the history's (a message resent).</summary>
    private OutboxEntry? Find(string key) => Entries.GetValueOrDefault(key) ?? history.State.Whole.GetValueOrDefault(key);

    public async Task<IReadOnlyList<OutboxEntry>> TakeDue(string senderId, int max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(senderId);
        var now = Now;
        var due = Entries.Values
            .Where(e => e.IsOpen && e.NotBefore <= now && (e.LeaseUntil is null || e.LeaseUntil <= now))
            .OrderByDescending(e => e.Message.Critical).ThenBy(e => e.NotBefore)
            .Take(Math.Clamp(max, 1, 100))
            .Select(e => e with { Status = MessageStatus.Queued, LeasedBy = senderId, LeaseUntil = now + settings.Lease })
            .ToArray();
        if (due.Length == 0)
        {
            // Through the committer, so this never races a write's listing of new open work.
            if (!Entries.Values.Any(e => e.IsOpen)) await Committer.Enqueue([false]);
            return [];
        }

        foreach (var entry in due) Put(entry);
        // Written, so a restarted outbox does not hand the same message to a second sender within the lease.
        await Save();
        return due;
    }

    public Task Report(string key, DeliveryReport report) => Report([new MessageReport(key, report)]);

    public async Task Report(IReadOnlyList<MessageReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var took = false;
        foreach (var (key, report) in reports) took |= await Take(key, report);
        if (took) await Save();
    }

    /// <summary>Applies one report to its entry; answers whether the entry changed.</summary>
    private async Task<bool> Take(string key, DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Entries.TryGetValue(key, out var entry) || !entry.IsOpen || entry.LeasedBy != report.SenderId) return false;
        var now = Now;
        var attempts = entry.Attempts + 1;
        var done = entry with { Attempts = attempts, LeasedBy = null, LeaseUntil = null, ToName = report.ToName ?? entry.ToName };
        var outcome = report.Result switch
        {
            DeliveryResult.Sent => done with { Status = MessageStatus.Sent, Channels = report.Channels, Error = report.Error, FinishedAt = now },
            DeliveryResult.PageOnly => done with { Status = MessageStatus.PageOnly, Channels = [], Error = report.Error, FinishedAt = now },
            DeliveryResult.Transient when attempts < settings.MaxAttempts => await Retry(done, report.Error, now),
            _ => done with
            {
                Status = MessageStatus.Failed,
                FinishedAt = now,
                Error = report.Result == DeliveryResult.Transient ? Reason.NotSentAfter.Say(attempts, report.Error ?? Reason.NoAddress.Say()) : report.Error,
            },
        };
        // A retry waits for the hub's settings; whatever changed the entry meanwhile (a resend) wins.
        if (!ReferenceEquals(Entries.GetValueOrDefault(key), entry)) return false;
        Put(outcome);
        return true;
    }

    public async Task<Result<OutboxEntry>> Resend(string key, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Find(key) is not { } entry) return Result<OutboxEntry>.NotFound(Reason.NoSuchMessage);
        if (entry.IsOpen) return Result<OutboxEntry>.Refused(Reason.StillSending);
        var again = entry with
        {
            Status = MessageStatus.Queued,
            Attempts = 0,
            NotBefore = Now,
            LeasedBy = null,
            LeaseUntil = null,
            Error = null,
            FinishedAt = null,
            ResentBy = actor,
            Channels = [],
        };
        Put(again);
        await Save();
        return Result<OutboxEntry>.Ok(again);
    }

    public Task<IReadOnlyList<OutboxEntry>> Recent(int max) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. Newest(Shown(), max)]);

    public Task<IReadOnlyList<OutboxEntry>> ForRecipient(Recipient recipient, int max) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. Newest(Shown().Where(e => e.Message.To == recipient), max)]);

    public Task Forget(Guid requestId, int erasedVersion) =>
        ForgetWhere(e => e.Message.RequestId == requestId && OutboundMessage.VersionOf(e.Key) < erasedVersion);

    public Task ForgetRecipient(Recipient recipient) => ForgetWhere(e => e.Message.To == recipient);

    public Task ForgetNamed(IReadOnlyList<Guid> requests, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(names);
        var worked = requests.ToHashSet();
        var asked = requests.Select(Recipient.Requester).ToHashSet();
        var full = names.Where(n => n.Length > 0 && n != ContactDetails.ErasedName).ToArray();
        var withFirst = Unnaming.WithFirstNames(full);
        bool About(OutboundMessage m) => m.RequestId is { } id && worked.Contains(id) || asked.Contains(m.To);
        // A first name is only taken as theirs in a message about a request they worked on, where it
        // may be said alone ("Zephyrine is on her way") or in what someone typed ("Cancelled:
        // zephyrine is ill"): another volunteer of that first name, on another request, is someone else.
        return ForgetWhere(e => About(e.Message)
            ? Unnaming.Mentions(e.Message.Said, withFirst)
            : e.Message.To.Kind == RecipientKind.Coordinators && Unnaming.Mentions(e.Message.Said, full));
    }

    /// <summary>The entries <paramref name="about"/> an erased person leave, open or finished; their keys stay.</summary>
    private async Task ForgetWhere(Func<OutboxEntry, bool> about)
    {
        var open = Entries.Values.Where(about).ToArray();
        var finished = history.State.Whole.Values.Where(about).ToArray();
        if (open.Length == 0 && finished.Length == 0) return;
        var now = Now;
        foreach (var entry in finished) history.State.Whole.Remove(entry.Key);
        foreach (var entry in open) Drop(entry.Key);
        foreach (var entry in open.Concat(finished))
        {
            var key = new FinishedKey(OutboxKeys.Hash(entry.Key), now);
            history.State.Keys.Add(key);
            FinishedHashes.Add(key.Hash);
        }

        // The log holds earlier copies of the open ones, so the open state is written whole and the
        // log, if it holds anything, emptied: each of those writes is an erasing one.
        historyChanged = true;
        wholeDue = true;
        state.State.ScrubOnNextWrite = history.State.ScrubOnNextWrite = true;
        if (log.State.Changes.Count > 0) log.State.ScrubOnNextWrite = true;
        await Save();
    }

    public async Task ZoneChanged(string timeZoneId)
    {
        var hubZone = zone = HubZone.Of(timeZoneId);
        var now = Now;
        var changedAny = false;
        // A leased message is being sent already; only those still held for the night are timed again.
        foreach (var entry in Entries.Values.Where(e => e.Status == MessageStatus.WaitingForQuietHours && e.LeasedBy is null).ToArray())
        {
            var (status, notBefore) = Schedule(entry.Message, now, hubZone);
            if (status == entry.Status && notBefore == entry.NotBefore) continue;
            Put(entry with { Status = status, NotBefore = notBefore });
            changedAny = true;
        }

        if (changedAny) await Save();
    }

    /// <summary>Every entry held whole, one per key.</summary>
    private IEnumerable<OutboxEntry> Shown() => Entries.Values.Concat(history.State.Whole.Values.Where(e => !Entries.ContainsKey(e.Key)));

    private static IEnumerable<OutboxEntry> Newest(IEnumerable<OutboxEntry> entries, int max) =>
        entries.OrderByDescending(e => e.Message.DecidedAt).ThenBy(e => e.Key, StringComparer.Ordinal).Take(Math.Clamp(max, 1, 500));

    private async Task<OutboxEntry> Retry(OutboxEntry entry, Phrase? error, DateTimeOffset now)
    {
        var wait = settings.FirstBackOff * Math.Pow(2, Math.Min(entry.Attempts - 1, 16));
        var (status, notBefore) = await Schedule(entry.Message, now + wait);
        return entry with { Status = status, NotBefore = notBefore, Error = error };
    }

    /// <summary>When a message may go: at once, or (not critical) when the hub's quiet hours end.</summary>
    private async Task<(MessageStatus Status, DateTimeOffset NotBefore)> Schedule(OutboundMessage message, DateTimeOffset earliest) =>
        message.Critical ? (MessageStatus.Queued, earliest) : Schedule(message, earliest, await Zone());

    private (MessageStatus Status, DateTimeOffset NotBefore) Schedule(OutboundMessage message, DateTimeOffset earliest, TimeZoneInfo hubZone)
    {
        if (message.Critical) return (MessageStatus.Queued, earliest);
        var local = TimeZoneInfo.ConvertTime(earliest, hubZone).DateTime;
        if (!settings.QuietHours.Contains(TimeOnly.FromDateTime(local))) return (MessageStatus.Queued, earliest);
        var end = settings.QuietHours.EndAfter(local);
        return (MessageStatus.WaitingForQuietHours, new DateTimeOffset(end, hubZone.GetUtcOffset(end)));
    }

    private async Task<TimeZoneInfo> Zone()
    {
        return zone ??= HubZone.Of(await GrainFactory.GetGrain<IHubGrain>(Hub).GetSettings());
    }

    private GroupCommit<bool> Committer => committer ??= new GroupCommit<bool>(Commit);

    /// <summary>Completes once a write holding every change made so far has been kept.</summary>
    private Task Save() => Committer.Enqueue([true]);

    /// <summary>
    /// One write for every change made since the last (each item says whether its turn changed the
    /// entries), preceded when due by the history's. The directory hears of new open work before the
    /// write (a failed write leaves at worst a listed hub with nothing due) and of none left after it;
    /// only commits call it, one at a time, so the listing follows the order of the writes.
    /// </summary>
    private async Task Commit(IReadOnlyList<bool> changed)
    {
        var write = changed.Contains(true);
        var open = Entries.Values.Any(e => e.IsOpen);
        if (open) await List(true);
        if (write)
        {
            try
            {
                if (HistoryDue()) await WriteHistory();
                await WriteOpen();
            }
            catch
            {
                // Memory is now ahead of the store: a message it holds would look kept to the next hand.
                DeactivateOnIdle();
                throw;
            }
        }

        if (!open && !Entries.Values.Any(e => e.IsOpen)) await List(false);
    }

    private bool HistoryDue()
    {
        var cutoff = Now - TimeSpan.FromDays(settings.KeepDays);
        var finished = Entries.Values.Where(e => !e.IsOpen).ToArray();
        return historyChanged || finished.Length >= FinishedPerHistoryWrite || state.State.Finished.Count > 0 || finished.Any(e => e.FinishedAt < cutoff);
    }

    /// <summary>
    /// Moves the finished messages to the history and writes it; they leave the open state with the
    /// write that follows. A crash between the two leaves them in both, and the next write moves them
    /// again (by key: nothing doubles). Keys an outbox stored before the history kept in its open
    /// state are older than any in the history and go first.
    /// </summary>
    private async Task WriteHistory()
    {
        var kept = history.State;
        var moving = Entries.Values.Where(e => !e.IsOpen).ToArray();
        foreach (var entry in moving) kept.Whole[entry.Key] = entry;
        var legacy = state.State.Finished;
        if (legacy.Count > 0) kept.Keys.InsertRange(0, legacy);
        Prune(kept);
        await history.WriteStateAsync();
        historyChanged = false;
        // A resend during the write replaced its entry with an open one, which stays.
        foreach (var entry in moving.Where(e => ReferenceEquals(Entries.GetValueOrDefault(e.Key), e))) Drop(entry.Key);
        if (legacy.Count > 0)
        {
            state.State.Finished = [];
            wholeDue = true;
        }
    }

    /// <summary>
    /// How many changes the log may hold: about √(2 × open × changes a write), which writes the fewest
    /// entries in all (<see cref="Persistence.LogRoom"/>), but never less than an eighth of the open
    /// messages. By day (hundreds open, the sender close behind) that is the √ room, where a fixed
    /// room of 200 made most writes carry a hundred changes; at night (thousands waiting out the quiet
    /// hours, megabytes) it is the eighth, because on SQLite writing that whole state more often cost
    /// more than the shorter log saved (night runs 17 % slower with the √ room alone, docs/benchmarks.md).
    /// </summary>
    private int LogRoom => Math.Max(logRoom.For(Entries.Count), Entries.Count / 8);

    /// <summary>
    /// The open state's changes since the last write: logged while many messages are open and the
    /// log has room, else the whole state, after which the log is emptied. A crash between those two
    /// writes leaves logged changes the whole state already holds; their numbers say so.
    /// </summary>
    private async Task WriteOpen()
    {
        var kept = log.State;
        var logging = !wholeDue && Entries.Count > LogLimit && kept.Changes.Count + changed.Count <= LogRoom;
        logRoom.Wrote(changed.Count);
        if (logging)
        {
            foreach (var key in changed) kept.Changes.Add(new OutboxChange(++kept.LastNumber, key, Entries.GetValueOrDefault(key)));
        }

        changed.Clear();
        if (logging)
        {
            await log.WriteStateAsync();
            return;
        }

        state.State.LoggedThrough = kept.LastNumber;
        await state.WriteStateAsync();
        wholeDue = false;
        if (kept.Changes.Count == 0) return;
        kept.Changes.Clear();
        await log.WriteStateAsync();
    }

    /// <summary>
    /// Finished messages beyond the newest <see cref="OutboxOptions.KeepWhole"/> leave the whole ones
    /// for the key list; the oldest leave the key list past <see cref="OutboxOptions.KeepAtMost"/>
    /// finished in all or <see cref="OutboxOptions.KeepDays"/>.
    /// </summary>
    private void Prune(OutboxHistory kept)
    {
        var keys = kept.Keys;
        var keepWhole = Math.Min(settings.KeepWhole, settings.KeepAtMost);
        if (kept.Whole.Count > keepWhole)
        {
            var older = kept.Whole.Values.OrderByDescending(e => e.FinishedAt).ThenBy(e => e.Key, StringComparer.Ordinal).Skip(keepWhole).Reverse().ToArray();
            foreach (var entry in older)
            {
                kept.Whole.Remove(entry.Key);
                var key = new FinishedKey(OutboxKeys.Hash(entry.Key), entry.FinishedAt ?? Now);
                keys.Add(key);
                FinishedHashes.Add(key.Hash);
            }
        }

        var cutoff = Now - TimeSpan.FromDays(settings.KeepDays);
        var drop = 0;
        var finishedCount = keys.Count + kept.Whole.Count;
        while (drop < keys.Count && (finishedCount - drop > settings.KeepAtMost || keys[drop].At < cutoff)) drop++;
        if (drop > 0)
        {
            foreach (var key in keys.Take(drop)) FinishedHashes.Remove(key.Hash);
            keys.RemoveRange(0, drop);
        }

        // Whole ones past the age limit go too (the newest are never past the count limit).
        foreach (var old in kept.Whole.Values.Where(e => e.FinishedAt < cutoff).ToArray()) kept.Whole.Remove(old.Key);
    }

    private async Task List(bool open)
    {
        if (listed == open) return;
        await GrainFactory.GetGrain<IOutboxDirectoryGrain>(IOutboxDirectoryGrain.Key).SetOpen(Hub, open);
        listed = open;
    }
}
