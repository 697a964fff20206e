using MutualAid.Notifications;
using MutualAid.Silo.Notifications;

namespace MutualAid.Grains.Tests.Storage;

/// <summary>
/// Finished messages leave the outbox's open state for its history in batches (issue 18: the
/// write every hand, lease and report makes no longer carries the history), and the outbox
/// still knows, shows and resends them from there, also after a restart.
/// </summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class OutboxHistoryTests : SqliteRestartTest
{
    [Fact]
    public async Task Finished_messages_are_written_apart_from_the_open_ones_and_still_known_shown_and_resent()
    {
        const string slug = "history-outbox";
        var grain = GrainId.Create("outbox", slug);
        var count = OutboxGrain.FinishedPerHistoryWrite * 2 + 5;
        var messages = Enumerable.Range(0, count).Select(i => Message(slug, i)).ToArray();

        await using (var cluster = await Start("svc"))
        {
            var outbox = cluster.Client.GetGrain<IOutboxGrain>(slug);
            foreach (var message in messages)
            {
                await outbox.Enqueue([message]);
                Assert.Single(await outbox.TakeDue("web-1", 10));
                await outbox.Report(message.Key, new DeliveryReport("web-1", DeliveryResult.Sent, [Channel.Email], null, "Requester"));
            }

            await cluster.StopAllSilosAsync();
        }

        var open = await Store.Read<OutboxState>("outbox", grain);
        var history = await Store.Read<OutboxHistory>("outbox-history", grain);
        Assert.Equal(5, open.Entries.Count);
        Assert.Equal(count - 5, history.Whole.Count);
        Assert.Empty(history.Keys);

        await using (var cluster = await Start("svc"))
        {
            var outbox = cluster.Client.GetGrain<IOutboxGrain>(slug);
            await outbox.Enqueue(messages); // handed again after a crash: all known, none sent again
            Assert.Empty(await outbox.TakeDue("web-1", 100));
            Assert.Equal(count, (await outbox.Recent(500)).Count(e => e.Status == MessageStatus.Sent));
            Assert.Equal(messages[0].Key, Assert.Single(await outbox.ForRecipient(messages[0].To, 10)).Key);

            var resent = await outbox.Resend(messages[0].Key, Domain.Sam); // one the history holds
            Assert.True(resent.IsOk, resent.Message);
            Assert.Equal(messages[0].Key, Assert.Single(await outbox.TakeDue("web-1", 10)).Key);
            Assert.Equal(MessageStatus.Queued, Assert.Single(await outbox.ForRecipient(messages[0].To, 10)).Status);
            await cluster.StopAllSilosAsync();
        }
    }

    // Critical, so the quiet hours of the real clock this silo runs on never hold one back.
    internal static OutboundMessage Message(string hub, int i) => OldOutboxStateTests.Message(hub, i, DateTimeOffset.UtcNow) with { Critical = true };
}
