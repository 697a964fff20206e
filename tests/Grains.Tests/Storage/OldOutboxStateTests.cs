using MutualAid.Notifications;
using MutualAid.Silo.Notifications;

namespace MutualAid.Grains.Tests.Storage;

/// <summary>
/// An outbox stored before finished messages were kept as keys (every finished one whole) loads
/// as it was, is compacted by its next write, and still takes a message handed again as the one
/// it already has, whether that message is still whole or only a key.
/// </summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class OldOutboxStateTests : SqliteRestartTest
{
    [Fact]
    public async Task An_old_shape_outbox_loads_keeps_its_newest_finished_whole_and_still_knows_the_rest()
    {
        const string slug = "old-outbox";
        var grain = GrainId.Create("outbox", slug);
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var finished = Enumerable.Range(0, 300).Select(i => new OutboxEntry(Message(slug, i, at), MessageStatus.PageOnly, 1, at)
        {
            FinishedAt = at.AddMinutes(i),
        }).ToArray();
        var open = new OutboxEntry(Message(slug, 300, at), MessageStatus.Queued, 0, at);
        var old = new OldOutboxState();
        foreach (var entry in finished.Append(open)) old.Entries[entry.Key] = entry;
        await Store.Write("outbox", grain, old);
        var fresh = Message(slug, 301, DateTimeOffset.UtcNow) with { Critical = true };

        await using (var cluster = await Start("svc"))
        {
            var outbox = cluster.Client.GetGrain<IOutboxGrain>(slug);
            Assert.Equal(301, (await outbox.Recent(500)).Count);

            await outbox.Enqueue([fresh]); // the write that compacts

            // All 300 finished and the open one handed again (a re-hand after a crash): nothing new.
            await outbox.Enqueue([.. finished.Select(e => e.Message), open.Message]);
            var shown = await outbox.Recent(500);
            Assert.Equal(new OutboxOptions().KeepWhole + 2, shown.Count);
            Assert.Equal(MessageStatus.Queued, shown.Single(e => e.Key == open.Key).Status);
            Assert.Equal(finished.Skip(100).Select(e => e.Key).Order(StringComparer.Ordinal),
                shown.Where(e => !e.IsOpen).Select(e => e.Key).Order(StringComparer.Ordinal));
            await cluster.StopAllSilosAsync();
        }

        // The finished ones moved to the history's own state; the open state holds only the two open.
        var stored = await Store.Read<OutboxState>("outbox", grain);
        Assert.Equal(new[] { open.Key, fresh.Key }.Order(StringComparer.Ordinal), stored.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(stored.Finished);
        var history = await Store.Read<OutboxHistory>("outbox-history", grain);
        Assert.Equal(new OutboxOptions().KeepWhole, history.Whole.Count);
        Assert.Equal(finished.Take(100).Select(e => OutboxKeys.Hash(e.Key)), history.Keys.Select(f => f.Hash));
    }

    /// <summary>A received-notice for a new request, decided <paramref name="i"/> minutes after <paramref name="at"/>.</summary>
    internal static OutboundMessage Message(string hub, int i, DateTimeOffset at)
    {
        var request = Guid.NewGuid();
        var to = Recipient.Requester(request);
        return new OutboundMessage(OutboundMessage.KeyFor(request.ToString("N"), i, MessageKind.RequestReceived, to), hub, MessageKind.RequestReceived, to,
            Reason.RequestReceived.Say($"R-{i}"), "en", false, at.AddMinutes(i));
    }
}

/// <summary>The outbox's shape before finished messages were kept as keys: the same ids, nothing from 170 on.</summary>
[GenerateSerializer, Alias("MutualAid.Grains.Tests.Storage.OldOutboxState")]
public sealed class OldOutboxState
{
    [Id(0)] public Dictionary<string, OutboxEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
