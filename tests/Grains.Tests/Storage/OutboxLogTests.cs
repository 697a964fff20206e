using MutualAid.Notifications;
using MutualAid.Silo.Notifications;

namespace MutualAid.Grains.Tests.Storage;

/// <summary>
/// An outbox holding many open messages (a night's worth waiting out the quiet hours) writes only
/// what changed, to its log, and its whole open state once the log is full, so a hand does not
/// write every waiting message again. Judged by what the SQLite store holds and by what a fresh
/// activation finds.
/// </summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class OutboxLogTests : SqliteRestartTest
{
    [Fact]
    public async Task With_many_messages_open_each_write_logs_only_the_changes_until_the_log_is_full_and_a_restart_finds_them_all()
    {
        const string slug = "log-outbox";
        var grain = GrainId.Create("outbox", slug);
        var many = OutboxGrain.LogLimit + 10;
        var messages = Enumerable.Range(0, many + 5).Select(i => OutboxHistoryTests.Message(slug, i)).ToArray();
        await using (var cluster = await Start("svc"))
        {
            var outbox = cluster.Client.GetGrain<IOutboxGrain>(slug);
            await outbox.Enqueue(messages[..many]); // more changes than the log holds: written whole
            foreach (var message in messages[many..]) await outbox.Enqueue([message]); // one change each: logged
            Assert.Equal(20, (await outbox.TakeDue("web-1", 20)).Count); // 20 changes, within the log's room (about √(2 × 215 × 15) = 80): logged
            await cluster.StopAllSilosAsync();
        }

        var (whole, logged) = await Stored(grain);
        Assert.Equal(many, whole.Entries.Count);
        Assert.Equal(0, whole.LoggedThrough);
        Assert.Equal(25, logged.Changes.Count);
        Assert.Equal(Enumerable.Range(1, 25).Select(n => (long)n), logged.Changes.Select(c => c.Number));
        Assert.Equal(messages[many..].Select(m => m.Key), logged.Changes.Take(5).Select(c => c.Key));

        await using (var cluster = await Start("svc"))
        {
            var outbox = cluster.Client.GetGrain<IOutboxGrain>(slug);
            await outbox.Enqueue(messages); // handed again after a crash: every one known, none added
            var shown = await outbox.Recent(500);
            Assert.Equal(messages.Length, shown.Count);
            Assert.Equal(20, shown.Count(e => e.LeasedBy == "web-1")); // the logged leases hold after the restart
            var rest = await outbox.TakeDue("web-2", 100); // 125 changes would overfill the log: written whole
            Assert.Equal(100, rest.Count);
            Assert.DoesNotContain(rest, e => shown.Single(s => s.Key == e.Key).LeasedBy is not null);
            Assert.Equal(10, (await outbox.TakeDue("web-2", 10)).Count); // a few changes: logged again
            await cluster.StopAllSilosAsync();
        }

        (whole, logged) = await Stored(grain);
        Assert.Equal(25, whole.LoggedThrough);
        Assert.Equal(120, whole.Entries.Values.Count(e => e.LeasedBy is not null));
        Assert.Equal(Enumerable.Range(26, 10).Select(n => (long)n), logged.Changes.Select(c => c.Number));

        await using (var cluster = await Start("svc"))
        {
            var shown = await cluster.Client.GetGrain<IOutboxGrain>(slug).Recent(500);
            Assert.Equal(130, shown.Count(e => e.LeasedBy is not null));
            await cluster.StopAllSilosAsync();
        }
    }

    [Fact]
    public async Task A_crash_after_the_whole_state_was_written_and_before_the_log_was_emptied_applies_only_the_later_changes()
    {
        const string slug = "log-crash";
        var grain = GrainId.Create("outbox", slug);
        var (a, b, c) = (OutboxHistoryTests.Message(slug, 1), OutboxHistoryTests.Message(slug, 2), OutboxHistoryTests.Message(slug, 3));
        var aQueued = new OutboxEntry(a, MessageStatus.Queued, 0, DateTimeOffset.UtcNow);
        var aLeased = aQueued with { LeasedBy = "web-1", LeaseUntil = DateTimeOffset.UtcNow.AddMinutes(1) };
        // The whole state was written through change 2 (a leased, b gone to the history); the log still
        // holds changes 1 and 2 as they were logged, and change 3 (c) came after.
        await Store.Write("outbox", grain, new OutboxState { Entries = { [a.Key] = aLeased }, LoggedThrough = 2 });
        await Store.Write("outbox-log", grain, new OutboxLog
        {
            Changes = [new OutboxChange(1, b.Key, new OutboxEntry(b, MessageStatus.Queued, 0, DateTimeOffset.UtcNow)), new OutboxChange(2, a.Key, aQueued),
                new OutboxChange(3, c.Key, new OutboxEntry(c, MessageStatus.Queued, 0, DateTimeOffset.UtcNow))],
            LastNumber = 3,
        });

        await using var cluster = await Start("svc");
        var shown = (await cluster.Client.GetGrain<IOutboxGrain>(slug).Recent(10)).ToDictionary(e => e.Key);
        Assert.Equal(new[] { a.Key, c.Key }.Order(StringComparer.Ordinal), shown.Keys.Order(StringComparer.Ordinal)); // b's change 1 is not applied again
        Assert.Equal("web-1", shown[a.Key].LeasedBy); // nor is a's change 2, older than the whole state
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task With_thousands_waiting_single_changes_are_logged_up_to_an_eighth_of_them_before_the_whole_state_is_written_again()
    {
        const string slug = "night-outbox";
        var grain = GrainId.Create("outbox", slug);
        var messages = Enumerable.Range(0, 2_200).Select(i => OutboxHistoryTests.Message(slug, i)).ToArray();
        await using (var cluster = await Start("svc"))
        {
            var outbox = cluster.Client.GetGrain<IOutboxGrain>(slug);
            await outbox.Enqueue(messages[..2_000]); // written whole
            // One at a time, as a night's arrive: once that pace is learnt the least-bytes room is about
            // √(2 × 2,000 × 1) = 63, but an eighth of the open messages (250) keeps megabytes from being
            // written whole every 63 changes.
            foreach (var message in messages[2_000..]) await outbox.Enqueue([message]);
            await cluster.StopAllSilosAsync();
        }

        var (whole, logged) = await Stored(grain);
        Assert.Equal(2_000, whole.Entries.Count);
        Assert.Equal(0, whole.LoggedThrough);
        Assert.Equal(200, logged.Changes.Count);
    }

    private async Task<(OutboxState Whole, OutboxLog Log)> Stored(GrainId grain)
    {
        var whole = await Store.Read<OutboxState>("outbox", grain);
        var logged = await Store.Read<OutboxLog>("outbox-log", grain);
        return (whole, logged);
    }
}
