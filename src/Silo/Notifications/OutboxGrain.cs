using Microsoft.Extensions.Options;
using MutualAid.Hubs;
using MutualAid.Notifications;

namespace MutualAid.Silo.Notifications;

/// <summary>
/// A hub's outbox. Entity grains hand it messages after their own write (again after a crash:
/// the key makes that harmless); senders lease due ones, so two front-ends never send one
/// message at the same time, and report back. Failures back off and end as Failed after the
/// configured tries; non-critical messages wait out the hub's quiet hours. It calls only the
/// directory and reads its hub's settings (the hub never calls an outbox), so no cycle forms.
/// </summary>
public sealed class OutboxGrain(
    [PersistentState("outbox")] IPersistentState<OutboxState> state,
    TimeProvider clock,
    IOptions<OutboxOptions> options) : Grain, IOutboxGrain
{
    private readonly OutboxOptions settings = options.Value;
    private TimeZoneInfo? zone;
    private bool? listed;

    private Dictionary<string, OutboxEntry> Entries => state.State.Entries;

    private DateTimeOffset Now => clock.GetUtcNow();

    private string Hub => this.GetPrimaryKeyString();

    public async Task Enqueue(IReadOnlyList<OutboundMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var fresh = messages.Where(m => !Entries.ContainsKey(m.Key)).DistinctBy(m => m.Key).ToArray();
        if (fresh.Length == 0) return;
        var now = Now;
        foreach (var message in fresh)
        {
            var (status, notBefore) = await Schedule(message, now);
            Entries[message.Key] = new OutboxEntry(message, status, 0, notBefore);
        }

        await Save();
    }

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
            if (!Entries.Values.Any(e => e.IsOpen)) await List(false);
            return [];
        }

        foreach (var entry in due) Entries[entry.Key] = entry;
        // Written, so a restarted outbox does not hand the same message to a second sender within the lease.
        await Save();
        return due;
    }

    public async Task Report(string key, DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Entries.TryGetValue(key, out var entry) || !entry.IsOpen || entry.LeasedBy != report.SenderId) return;
        var now = Now;
        var attempts = entry.Attempts + 1;
        var done = entry with { Attempts = attempts, LeasedBy = null, LeaseUntil = null, ToName = report.ToName ?? entry.ToName };
        Entries[key] = report.Result switch
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
        await Save();
    }

    public async Task<Result<OutboxEntry>> Resend(string key, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Entries.TryGetValue(key, out var entry)) return Result<OutboxEntry>.NotFound(Reason.NoSuchMessage);
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
        Entries[key] = again;
        await Save();
        return Result<OutboxEntry>.Ok(again);
    }

    public Task<IReadOnlyList<OutboxEntry>> Recent(int max) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. Newest(Entries.Values, max)]);

    public Task<IReadOnlyList<OutboxEntry>> ForRecipient(Recipient recipient, int max) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. Newest(Entries.Values.Where(e => e.Message.To == recipient), max)]);

    private static IEnumerable<OutboxEntry> Newest(IEnumerable<OutboxEntry> entries, int max) =>
        entries.OrderByDescending(e => e.Message.DecidedAt).ThenBy(e => e.Key, StringComparer.Ordinal).Take(Math.Clamp(max, 1, 500));

    private async Task<OutboxEntry> Retry(OutboxEntry entry, Phrase? error, DateTimeOffset now)
    {
        var wait = settings.FirstBackOff * Math.Pow(2, Math.Min(entry.Attempts - 1, 16));
        var (status, notBefore) = await Schedule(entry.Message, now + wait);
        return entry with { Status = status, NotBefore = notBefore, Error = error };
    }

    /// <summary>When a message may go: at once, or (not critical) when the hub's quiet hours end.</summary>
    private async Task<(MessageStatus Status, DateTimeOffset NotBefore)> Schedule(OutboundMessage message, DateTimeOffset earliest)
    {
        if (message.Critical) return (MessageStatus.Queued, earliest);
        var hubZone = await Zone();
        var local = TimeZoneInfo.ConvertTime(earliest, hubZone).DateTime;
        if (!settings.QuietHours.Contains(TimeOnly.FromDateTime(local))) return (MessageStatus.Queued, earliest);
        var end = settings.QuietHours.EndAfter(local);
        return (MessageStatus.WaitingForQuietHours, new DateTimeOffset(end, hubZone.GetUtcOffset(end)));
    }

    private async Task<TimeZoneInfo> Zone()
    {
        if (zone is null)
        {
            var hub = await GrainFactory.GetGrain<IHubGrain>(Hub).GetSettings();
            zone = hub is not null && TimeZoneInfo.TryFindSystemTimeZoneById(hub.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        }

        return zone;
    }

    /// <summary>
    /// One write, after pruning the history. The directory hears of new open work before the write
    /// (a failed write leaves at worst a listed hub with nothing due) and of none left after it.
    /// </summary>
    private async Task Save()
    {
        Prune();
        var open = Entries.Values.Any(e => e.IsOpen);
        if (open) await List(true);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is now ahead of the store: a message it holds would look kept to the next hand.
            DeactivateOnIdle();
            throw;
        }

        if (!open) await List(false);
    }

    private void Prune()
    {
        var finished = Entries.Values.Where(e => !e.IsOpen).OrderByDescending(e => e.FinishedAt).ToArray();
        var cutoff = Now - TimeSpan.FromDays(settings.KeepDays);
        foreach (var old in finished.Skip(settings.KeepAtMost).Concat(finished.Where(e => e.FinishedAt < cutoff)))
        {
            Entries.Remove(old.Key);
        }
    }

    private async Task List(bool open)
    {
        if (listed == open) return;
        await GrainFactory.GetGrain<IOutboxDirectoryGrain>(IOutboxDirectoryGrain.Key).SetOpen(Hub, open);
        listed = open;
    }
}
