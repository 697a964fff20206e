namespace MutualAid.Grains.Tests.Arrivals;

/// <summary>The alarm and its reminder are on disk: a full restart of the silo keeps both.</summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class ArrivalRestartTests : SqliteRestartTest
{
    [Fact]
    public async Task An_open_alarm_and_its_escalation_reminder_survive_a_full_restart()
    {
        var requestId = Guid.NewGuid();
        string hub;
        await using (var first = await Start("arrival-restart"))
        {
            var world = new ArrivalWorld(first.Client);
            hub = await world.NewHub(arrivals: ArrivalWorld.QuickTimers with { EscalateAfter = TimeSpan.FromHours(1) });
            var (priya, _, grain) = await world.AssignedVisit(hub, requestId);
            Assert.True((await grain.Arrive(ArrivalWorld.AsVolunteer(priya))).IsOk);
            var table = first.Reminders();
            Assert.NotNull(await table.ReadRow(grain.GetGrainId(), "arrival-alarm"));
            // The real clock: the quick timers run out in two seconds.
            await Wait.Until(async () => { await grain.CheckArrival(); return (await grain.GetView())!.Arrival!.AlarmOpen; }, "the alarm to be raised");
            await world.Domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == requestId && r.AlarmOpen));
            await first.StopAllSilosAsync();
        }

        await using var second = await Start("arrival-restart");
        var after = new Domain(second.Client);
        var board = await after.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == requestId));
        Assert.True(board.Requests.Single(r => r.Id == requestId).AlarmOpen); // a board opened after the restart shows it
        var secondTable = second.Reminders();
        Assert.NotNull(await secondTable.ReadRow(after.RequestGrain(requestId).GetGrainId(), "arrival-alarm")); // its escalation is still due
        var view = (await after.RequestGrain(requestId).GetView())!;
        Assert.Null(view.Arrival!.EscalatedAt);
        Assert.True(view.Arrival.EscalateAt > DateTimeOffset.UtcNow);
        await second.StopAllSilosAsync();
    }
}
