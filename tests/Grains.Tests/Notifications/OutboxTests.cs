using MutualAid.Notifications;

namespace MutualAid.Grains.Tests.Notifications;

/// <summary>The hub's outbox: one message per key, leases between senders, back-off to Failed, quiet hours.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class OutboxTests(FakeClockClusterFixture fixture)
{
    private readonly OutboxWorld world = new(fixture.Grains, fixture.Clock);

    [Fact]
    public async Task A_message_handed_twice_is_kept_once_and_sent_once()
    {
        var hub = await world.HubAtHour(12);
        var message = world.Message(hub);
        await world.Outbox(hub).Enqueue([message]);
        await world.Outbox(hub).Enqueue([message, message]); // a re-hand after a crash

        var entry = Assert.Single(await world.Outbox(hub).Recent(10));
        Assert.Equal(MessageStatus.Queued, entry.Status);
        Assert.Single(await world.Outbox(hub).TakeDue("web-1", 10));
        await world.Outbox(hub).Report(message.Key, OutboxWorld.Report("web-1", DeliveryResult.Sent));
        await world.Outbox(hub).Enqueue([message]);

        Assert.Empty(await world.Outbox(hub).TakeDue("web-1", 10));
        Assert.Equal(MessageStatus.Sent, Assert.Single(await world.Outbox(hub).Recent(10)).Status);
    }

    [Fact]
    public async Task A_leased_message_is_no_other_senders_until_the_lease_runs_out()
    {
        var hub = await world.HubAtHour(12);
        var message = world.Message(hub);
        await world.Outbox(hub).Enqueue([message]);
        var directory = fixture.Grains.GetGrain<IOutboxDirectoryGrain>(IOutboxDirectoryGrain.Key);
        Assert.Contains(hub, await directory.HubsWithOpenMessages());

        Assert.Single(await world.Outbox(hub).TakeDue("web-1", 10));
        Assert.Empty(await world.Outbox(hub).TakeDue("web-2", 10));

        fixture.Clock.Advance(TimeSpan.FromSeconds(61)); // web-1 died holding it
        var retaken = Assert.Single(await world.Outbox(hub).TakeDue("web-2", 10));
        Assert.Equal("web-2", retaken.LeasedBy);

        await world.Outbox(hub).Report(message.Key, OutboxWorld.Report("web-1", DeliveryResult.Sent)); // too late: ignored
        Assert.Equal(MessageStatus.Queued, Assert.Single(await world.Outbox(hub).Recent(10)).Status);
        await world.Outbox(hub).Report(message.Key, OutboxWorld.Report("web-2", DeliveryResult.Sent));
        Assert.Equal(MessageStatus.Sent, Assert.Single(await world.Outbox(hub).Recent(10)).Status);
        Assert.DoesNotContain(hub, await directory.HubsWithOpenMessages());
    }

    [Fact]
    public async Task Transient_failures_back_off_and_end_failed_with_the_reason_after_the_last_try()
    {
        var hub = await world.HubAtHour(12);
        var message = world.Message(hub, critical: true); // the back-off, not quiet hours, decides when
        var outbox = world.Outbox(hub);
        await outbox.Enqueue([message]);

        var wait = TimeSpan.FromSeconds(30);
        for (var attempt = 1; attempt < 5; attempt++)
        {
            Assert.Single(await outbox.TakeDue("web-1", 10));
            await outbox.Report(message.Key, OutboxWorld.Report("web-1", DeliveryResult.Transient));
            var waiting = Assert.Single(await outbox.Recent(10));
            Assert.Equal((MessageStatus.Queued, attempt), (waiting.Status, waiting.Attempts));
            Assert.Equal(fixture.Clock.GetUtcNow() + wait, waiting.NotBefore);
            fixture.Clock.Advance(wait - TimeSpan.FromSeconds(1));
            Assert.Empty(await outbox.TakeDue("web-1", 10)); // backing off
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            wait *= 2;
        }

        Assert.Single(await outbox.TakeDue("web-1", 10));
        await outbox.Report(message.Key, OutboxWorld.Report("web-1", DeliveryResult.Transient));
        var failed = Assert.Single(await outbox.Recent(10));
        Assert.Equal((MessageStatus.Failed, 5), (failed.Status, failed.Attempts));
        Assert.Equal(Reason.NotSentAfter.Key(), failed.Error?.Key);
        Assert.Equal(Reason.ProviderRefused.Key(), Assert.IsType<Phrase>(failed.Error!.Args[1]).Key);

        var resent = await outbox.Resend(message.Key, Domain.Sam);
        Assert.True(resent.IsOk, resent.Message);
        Assert.Equal((MessageStatus.Queued, 0, "sam"), (resent.Value!.Status, resent.Value.Attempts, resent.Value.ResentBy?.UserId));
        Assert.Single(await outbox.TakeDue("web-1", 10));
        Assert.Equal(Reason.StillSending, (await outbox.Resend(message.Key, Domain.Sam)).Reason);
        Assert.Equal(Reason.NoSuchMessage, (await outbox.Resend("nope", Domain.Sam)).Reason);
    }

    [Fact]
    public async Task In_quiet_hours_only_critical_messages_go_and_the_rest_wait_until_they_end()
    {
        var hub = await world.HubAtHour(6); // 06:mm local: quiet until 07:00
        var quiet = world.Message(hub);
        var critical = world.Message(hub, critical: true, kind: MessageKind.CriticalUnassigned);
        await world.Outbox(hub).Enqueue([quiet, critical]);

        var now = fixture.Clock.GetUtcNow();
        var hour = now.UtcDateTime;
        var endsAt = new DateTimeOffset(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        var waiting = (await world.Outbox(hub).Recent(10)).Single(e => e.Key == quiet.Key);
        Assert.Equal(MessageStatus.WaitingForQuietHours, waiting.Status);
        Assert.Equal(endsAt, waiting.NotBefore);

        var taken = Assert.Single(await world.Outbox(hub).TakeDue("web-1", 10));
        Assert.Equal(critical.Key, taken.Key); // critical goes at once
        await world.Outbox(hub).Report(critical.Key, OutboxWorld.Report("web-1", DeliveryResult.Sent));
        Assert.Empty(await world.Outbox(hub).TakeDue("web-1", 10));

        fixture.Clock.Advance(endsAt - fixture.Clock.GetUtcNow());
        Assert.Equal(quiet.Key, Assert.Single(await world.Outbox(hub).TakeDue("web-1", 10)).Key); // not dropped: sent when they end
    }

    [Fact]
    public async Task A_new_time_zone_sends_the_messages_held_for_a_night_now_over_and_times_later_ones_by_it()
    {
        var hub = await world.HubAtHour(6); // 06:mm there: quiet until 07:00
        var held = world.Message(hub);
        await world.Outbox(hub).Enqueue([held]);
        Assert.Equal(MessageStatus.WaitingForQuietHours, Assert.Single(await world.Outbox(hub).Recent(10)).Status);

        // The coordinators move the hub to where it is 14:mm: its night is over.
        await world.Outbox(hub).ZoneChanged(await world.MoveHubToHour(hub, 14));
        var later = world.Message(hub);
        await world.Outbox(hub).Enqueue([later]);

        var now = fixture.Clock.GetUtcNow();
        var entries = await world.Outbox(hub).Recent(10);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((MessageStatus.Queued, now), (e.Status, e.NotBefore)));
        Assert.Equal(2, (await world.Outbox(hub).TakeDue("web-1", 10)).Count); // without the clock moving
    }

    [Fact]
    public async Task A_new_time_zone_still_in_its_night_holds_the_messages_until_that_night_ends()
    {
        var hub = await world.HubAtHour(6);
        var held = world.Message(hub);
        await world.Outbox(hub).Enqueue([held]);

        await world.Outbox(hub).ZoneChanged(await world.MoveHubToHour(hub, 3)); // 03:mm there: four more hours

        var hour = fixture.Clock.GetUtcNow().UtcDateTime;
        var endsAt = new DateTimeOffset(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, TimeSpan.Zero).AddHours(4);
        var waiting = Assert.Single(await world.Outbox(hub).Recent(10));
        Assert.Equal((MessageStatus.WaitingForQuietHours, endsAt), (waiting.Status, waiting.NotBefore));
    }

    [Fact]
    public async Task A_person_sees_their_own_messages_only()
    {
        var hub = await world.HubAtHour(12);
        var (mine, theirs) = (world.Message(hub), world.Message(hub));
        await world.Outbox(hub).Enqueue([mine, theirs]);

        var own = await world.Outbox(hub).ForRecipient(mine.To, 10);
        Assert.Equal(mine.Key, Assert.Single(own).Key);
    }
}
