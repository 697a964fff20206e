using MutualAid.Grains.Tests.Hubs;
using MutualAid.Notifications;
using Orleans.Core.Internal;

namespace MutualAid.Grains.Tests.Notifications;

/// <summary>
/// A message decided with a change lives in the request's own state until the outbox has kept it.
/// The outbox's store refuses, the whole silo stops before anyone hands the message again, a new
/// silo starts on the same file: the reminder armed before the request's write wakes it, it hands
/// the message again, and the outbox holds exactly one. The embedded store, as in production.
/// </summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class RehandTests : SqliteRestartTest
{
    [Fact]
    public async Task A_message_the_outbox_never_kept_is_handed_again_after_a_restart_and_kept_once()
    {
        var hub = "rehand";
        var requestId = Guid.NewGuid();

        await using (var first = await Start<BrokenOutboxSilo>("rehand"))
        {
            var domain = new Domain(first.Client);
            await domain.NewHub(slug: hub);
            var store = first.SiloServices().GetRequiredService<Outages.BrokenStore>();
            Assert.True((await domain.RequestGrain(requestId).Create(Domain.Request(hub))).IsOk);
            await Wait.Until(() => store.FailedWrites > 0, "the outbox to fail to keep the message");
            await first.StopAllSilosAsync();
        }

        await using var second = await Start("rehand");
        var outbox = second.Client.GetGrain<IOutboxGrain>(hub);
        var table = second.Reminders();
        Assert.NotNull(await table.ReadRow(second.Client.GetGrain<IRequestGrain>(requestId).GetGrainId(), HubDelivery.ReminderName)); // still owed
        // Nobody calls the request: its durable reminder brings it back, and its activation hands the message.
        await Wait.Until(async () => (await outbox.Recent(10)).Count > 0, "the message in the outbox after the restart", 60);
        var request = second.Client.GetGrain<IRequestGrain>(requestId);
        await request.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await request.GetView(); // handed once more by the new activation: still one
        await Task.Delay(300);

        var kept = Assert.Single(await outbox.Recent(10));
        Assert.Equal((MessageKind.RequestReceived, true, 0), (kept.Message.Kind, kept.IsOpen, kept.Attempts)); // queued, or waiting out quiet hours
        Assert.Equal(OutboundMessage.KeyFor(requestId.ToString("N"), 1, MessageKind.RequestReceived, Recipient.Requester(requestId)), kept.Key);
        await second.StopAllSilosAsync();
    }

    /// <summary>The embedded store, except that every outbox write fails (as a store outage would).</summary>
    private sealed class BrokenOutboxSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddSqliteGrainStorage("inner", o => o.DatabasePath = SqliteTestSilo.DatabasePath);
            siloBuilder.Services.AddSingleton(sp => new Outages.BrokenStore(sp.GetRequiredKeyedService<IGrainStorage>("inner")) { FailingStates = new HashSet<string> { "outbox" }, FailWrites = true });
            siloBuilder.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) => sp.GetRequiredService<Outages.BrokenStore>());
            siloBuilder.AddReminders();
            siloBuilder.AllowHubNoticeReminders();
            siloBuilder.Services.AddSingleton(new SqliteReminderTableOptions { DatabasePath = SqliteTestSilo.DatabasePath });
            siloBuilder.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
            siloBuilder.Services.AddSingleton(TimeProvider.System);
        }
    }
}
