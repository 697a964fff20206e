using MutualAid.Grains.Tests.Storage;
using MutualAid.Notifications;

namespace MutualAid.Grains.Tests.Notifications;

/// <summary>
/// A sender that finished several messages at once (shown on the person's page only) reports them in
/// one call, and the outbox keeps them with one write instead of one a message.
/// </summary>
[Collection(CountingStorageCollection.Name)]
public sealed class OutboxReportTests(CountingStorageClusterFixture fixture)
{
    [Fact]
    public async Task Reports_sent_together_are_each_taken_as_alone_and_kept_by_one_write()
    {
        var hub = await new Domain(fixture.Grains).NewHub();
        var outbox = fixture.Grains.GetGrain<IOutboxGrain>(hub);
        var messages = Enumerable.Range(0, 6).Select(i => OutboxHistoryTests.Message(hub, i)).ToArray();
        await outbox.Enqueue(messages);
        var leased = await outbox.TakeDue("web-1", 5);
        Assert.Equal(5, leased.Count);
        var unleased = messages.Single(m => leased.All(l => l.Key != m.Key));
        var before = fixture.WritesOf(outbox.GetGrainId(), "outbox");

        await outbox.Report(
        [
            new MessageReport(leased[0].Key, OutboxWorld.Report("web-1", DeliveryResult.PageOnly)),
            new MessageReport(leased[1].Key, OutboxWorld.Report("web-1", DeliveryResult.Sent)),
            new MessageReport(leased[2].Key, OutboxWorld.Report("web-1", DeliveryResult.Transient)),
            new MessageReport(leased[3].Key, OutboxWorld.Report("web-2", DeliveryResult.Sent)), // not its lease: ignored
            new MessageReport(unleased.Key, OutboxWorld.Report("web-1", DeliveryResult.Sent)), // never leased: ignored
        ]);

        Assert.Equal(1, fixture.WritesOf(outbox.GetGrainId(), "outbox") - before);
        var shown = (await outbox.Recent(10)).ToDictionary(e => e.Key);
        Assert.Equal(MessageStatus.PageOnly, shown[leased[0].Key].Status);
        Assert.Equal(MessageStatus.Sent, shown[leased[1].Key].Status);
        Assert.Equal((MessageStatus.Queued, 1, (string?)null), (shown[leased[2].Key].Status, shown[leased[2].Key].Attempts, shown[leased[2].Key].LeasedBy)); // backs off for another try
        Assert.Equal(("web-1", 0), (shown[leased[3].Key].LeasedBy, shown[leased[3].Key].Attempts));
        Assert.Equal((MessageStatus.Queued, (string?)null), (shown[unleased.Key].Status, shown[unleased.Key].LeasedBy));
        Assert.Equal(MessageStatus.Queued, shown[leased[4].Key].Status); // not reported: still leased
        Assert.Equal("web-1", shown[leased[4].Key].LeasedBy);

        // Nothing taken: no write.
        await outbox.Report([new MessageReport(leased[3].Key, OutboxWorld.Report("web-2", DeliveryResult.Sent))]);
        Assert.Equal(1, fixture.WritesOf(outbox.GetGrainId(), "outbox") - before);
    }
}
