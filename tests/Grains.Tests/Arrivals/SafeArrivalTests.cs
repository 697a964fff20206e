using MutualAid.Notifications;

namespace MutualAid.Grains.Tests.Arrivals;

/// <summary>The safe-arrival alarm by the fake clock: the reminder's work is called as the reminder would call it.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class SafeArrivalTests(FakeClockClusterFixture fixture)
{
    private readonly ArrivalWorld world = new(fixture.Grains);

    private static readonly TimeSpan Expected = ArrivalPolicy.Default.ExpectedVisit;
    private static readonly TimeSpan Margin = ArrivalPolicy.Default.Margin;

    [Fact]
    public async Task A_missed_left_safely_raises_the_alarm_on_every_board_of_the_hub_then_escalates_when_nobody_acknowledges()
    {
        var region = Domain.NewSlug("region");
        var hub = await world.NewHub(region);
        var (first, second) = await world.TwoBoards(hub);
        var (priya, request, grain) = await world.AssignedVisit(hub);

        var here = await grain.Arrive(ArrivalWorld.AsVolunteer(priya));
        Assert.True(here.IsOk, here.Message);
        Assert.Equal(RequestStatus.InProgress, here.Value!.Status);
        var table = fixture.Cluster.Reminders();
        Assert.NotNull(await table.ReadRow(grain.GetGrainId(), "arrival-alarm"));

        fixture.Clock.Advance(Expected + Margin - TimeSpan.FromMinutes(1));
        await grain.CheckArrival();
        Assert.Null((await grain.GetView())!.Arrival!.AlarmRaisedAt); // still within the margin

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await grain.CheckArrival();
        await grain.CheckArrival(); // idempotent
        foreach (var board in new[] { first, second }) await ArrivalWorld.UntilBoardShows(board, request.Id, r => r.AlarmOpen && r.Arrival!.AcknowledgedAt is null);
        var snapshot = await world.Domain.Hub(hub).GetSnapshot();
        Assert.Contains(snapshot.Requests, r => r.Id == request.Id && r.AlarmOpen); // a reloaded board sees it too
        Assert.Equal("raised the safe-arrival alarm", (await grain.GetAudit())[^1].Action);
        Assert.Equal(MutualAid.Common.Reason.ArrivalOverdue.Key(), (await grain.GetAudit())[^1].ReasonSaid?.Key);

        fixture.Clock.Advance(ArrivalPolicy.Default.EscalateAfter);
        await grain.CheckArrival();
        Assert.NotNull((await grain.GetView())!.Arrival!.EscalatedAt);
        var inbox = Assert.Single((await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())!.Escalations);
        Assert.Equal(request.Id, inbox.Request.Id);
        await Wait.Until(async () => (await fixture.Grains.GetGrain<IOutboxGrain>(hub).ForRecipient(Recipient.Coordinators(hub), 10))
            .Any(e => e.Message.Kind == MessageKind.ArrivalAlarmEscalated && e.Message.Critical), "the coordinators' escalation message");
        Assert.Null(await table.ReadRow(grain.GetGrainId(), "arrival-alarm")); // nothing left for the clock to do

        // "Left safely" after the alarm clears it everywhere, and the region stops asking.
        var safe = await grain.LeaveSafely(ArrivalWorld.AsVolunteer(priya));
        Assert.True(safe.IsOk, safe.Message);
        Assert.Equal("recorded that Priya left safely, clearing the alarm", (await grain.GetAudit())[^1].Action);
        foreach (var board in new[] { first, second }) await ArrivalWorld.UntilBoardShows(board, request.Id, r => !r.AlarmOpen);
        Assert.Empty((await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())!.Escalations);
    }

    [Fact]
    public async Task An_acknowledged_alarm_does_not_escalate()
    {
        var region = Domain.NewSlug("region");
        var hub = await world.NewHub(region);
        var (priya, request, grain) = await world.AssignedVisit(hub);
        Assert.True((await grain.Arrive(ArrivalWorld.AsVolunteer(priya))).IsOk);
        fixture.Clock.Advance(Expected + Margin);
        await grain.CheckArrival();

        var refusedToVolunteer = await grain.AcknowledgeAlarm(new RequestCommand(0, Domain.Ana) { Hub = "elsewhere" });
        Assert.Equal(ResultStatus.NotFound, refusedToVolunteer.Status);
        var acknowledged = await grain.AcknowledgeAlarm(new RequestCommand(0, Domain.Ana) { Hub = hub });
        Assert.True(acknowledged.IsOk, acknowledged.Message);
        Assert.Equal("Ana", acknowledged.Value!.Arrival!.AcknowledgedBy);
        Assert.Equal(MutualAid.Common.Reason.AlarmAlreadyAcknowledged, (await grain.AcknowledgeAlarm(new RequestCommand(0, Domain.Sam))).Reason);
        await world.Domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id && r.AlarmOpen && r.Arrival!.AcknowledgedAt is not null));

        fixture.Clock.Advance(ArrivalPolicy.Default.EscalateAfter * 4);
        await grain.CheckArrival();
        Assert.Null((await grain.GetView())!.Arrival!.EscalatedAt);
        Assert.Empty((await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())?.Escalations ?? []);
        Assert.DoesNotContain(await fixture.Grains.GetGrain<IOutboxGrain>(hub).ForRecipient(Recipient.Coordinators(hub), 10),
            e => e.Message.Kind == MessageKind.ArrivalAlarmEscalated);
    }

    [Fact]
    public async Task Left_safely_in_time_raises_nothing_and_the_job_can_then_be_done()
    {
        var hub = await world.NewHub();
        var (priya, request, grain) = await world.AssignedVisit(hub);
        Assert.True((await grain.Arrive(ArrivalWorld.AsVolunteer(priya))).IsOk);
        Assert.Equal(MutualAid.Common.Reason.AlreadyHere, (await grain.Arrive(ArrivalWorld.AsVolunteer(priya))).Reason);
        var early = await grain.Fulfil(new FulfilCommand((await grain.GetView())!.Version, Domain.Sam, 1));
        Assert.Equal(MutualAid.Common.Reason.LeaveSafelyFirst, early.Reason);

        fixture.Clock.Advance(Expected);
        Assert.True((await grain.LeaveSafely(ArrivalWorld.AsVolunteer(priya))).IsOk);
        fixture.Clock.Advance(Margin * 3);
        await grain.CheckArrival();

        var view = (await grain.GetView())!;
        Assert.Null(view.Arrival!.AlarmRaisedAt);
        Assert.NotNull(view.Arrival.LeftAt);
        var table = fixture.Cluster.Reminders();
        Assert.Null(await table.ReadRow(grain.GetGrainId(), "arrival-alarm"));
        Assert.Equal(MutualAid.Common.Reason.NoArrivalAlarm, (await grain.AcknowledgeAlarm(new RequestCommand(0, Domain.Sam))).Reason);
        Assert.True((await grain.Fulfil(new FulfilCommand(view.Version, Domain.Sam, 1))).IsOk);
        Assert.Equal(["recorded that Priya arrived", "recorded that Priya left safely"],
            (await grain.GetAudit()).Select(a => a.Action).Where(a => a.StartsWith("recorded", StringComparison.Ordinal)));
        _ = request;
    }

    [Fact]
    public async Task A_visit_timer_shorter_than_the_networks_shortest_time_is_refused_for_the_hub_and_for_one_request()
    {
        // The network counts in whole minutes (the default): a timer of "0" once became a second and a false alarm.
        var hub = Domain.NewSlug();
        var settings = new HubSettings("Hub " + hub, null) { Arrivals = ArrivalPolicy.Default with { ExpectedVisit = TimeSpan.FromSeconds(30) } };
        var refused = await world.Domain.Hub(hub).Configure(settings, Domain.Sam);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(ArrivalPolicy.ExpectedVisit), MutualAid.Common.Reason.ArrivalTimerRange, "A visit timer must be between 1 min and 24 hours."),
            (error.Field, error.Reason, error.Message));
        Assert.True((await world.Domain.Hub(hub).Configure(settings with { Arrivals = ArrivalPolicy.Default with { ExpectedVisit = TimeSpan.FromMinutes(1) } }, Domain.Sam)).IsOk);

        var request = await world.Domain.NewRequest(hub, category: RequestCategory.Eldercare);
        var grain = world.Domain.RequestGrain(request.Id);
        var tooShort = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { ExpectedVisit = TimeSpan.FromSeconds(59) }));
        Assert.Equal(MutualAid.Common.Reason.ArrivalTimerRange, Assert.Single(tooShort.Errors).Reason);
        Assert.True((await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { ExpectedVisit = TimeSpan.FromMinutes(5) }))).IsOk);
    }

    [Fact]
    public async Task A_volunteer_says_I_am_here_only_after_accepting_and_is_not_asked_again_once_they_left()
    {
        var hub = await world.NewHub();
        var (priya, offered, grain) = await world.OfferedVisit(hub);
        Assert.Equal(CheckIn.None, CheckIns.Next(offered, priya.Id));

        // Before, this picked the job up and showed the requester's contact to someone who never said yes.
        var early = await grain.Arrive(ArrivalWorld.AsVolunteer(priya));
        Assert.Equal((ResultStatus.Refused, MutualAid.Common.Reason.AcceptBeforeArriving), (early.Status, early.Reason));
        Assert.Equal(AssignmentState.Offered, (await grain.GetView())!.Assignment!.State);

        var accepted = await grain.Accept(ArrivalWorld.AsVolunteer(priya, offered.Version));
        Assert.Equal(CheckIn.Arrive, CheckIns.Next(accepted.Value!, priya.Id));
        var here = await grain.Arrive(ArrivalWorld.AsVolunteer(priya));
        Assert.Equal(CheckIn.LeaveSafely, CheckIns.Next(here.Value!, priya.Id));
        var left = await grain.LeaveSafely(ArrivalWorld.AsVolunteer(priya));
        Assert.Equal(CheckIn.None, CheckIns.Next(left.Value!, priya.Id));

        // A dispatcher who heard it by phone records the arrival of someone who has not answered in the app.
        var (tom, _, other) = await world.OfferedVisit(hub);
        Assert.True((await other.Arrive(new RequestCommand(0, Domain.Sam))).IsOk);
        Assert.Equal(AssignmentState.Accepted, (await other.GetView())!.Assignment!.State);
        _ = tom;
    }

    [Fact]
    public async Task Only_visits_take_check_ins_and_only_from_the_volunteers_holding_them()
    {
        var hub = await world.NewHub();
        var (priya, _, grain) = await world.AssignedVisit(hub);
        var stranger = await world.Domain.NewVolunteer(hub, "Tom");
        Assert.Equal(MutualAid.Common.Reason.NotYours, (await grain.Arrive(ArrivalWorld.AsVolunteer(stranger))).Reason);
        Assert.Equal(MutualAid.Common.Reason.ArriveFirst, (await grain.LeaveSafely(ArrivalWorld.AsVolunteer(priya))).Reason);

        var delivery = await world.Domain.NewRequest(hub); // food to the door, in the day: not a visit
        Assert.False(delivery.IsVisit);
        Assert.Equal(MutualAid.Common.Reason.NotAVisit, (await world.Domain.RequestGrain(delivery.Id).Arrive(new RequestCommand(0, Domain.Sam))).Reason);
    }

    [Fact]
    public async Task Visit_categories_and_jobs_after_dark_in_the_hubs_time_zone_are_visits()
    {
        var hub = await world.NewHub();
        var eldercare = await world.Domain.NewRequest(hub, category: RequestCategory.Eldercare);
        Assert.True(eldercare.IsVisit);

        var now = fixture.Clock.GetUtcNow();
        var tonight = new DateTimeOffset(now.Year, now.Month, now.Day, 22, 30, 0, TimeSpan.Zero).AddDays(1);
        var late = await world.Domain.RequestGrain(Guid.NewGuid()).Create(Domain.Request(hub, phone: Domain.UniquePhone()) with { NeededBy = tonight });
        Assert.True(late.Value!.IsVisit);
        var midday = await world.Domain.RequestGrain(Guid.NewGuid()).Create(Domain.Request(hub, phone: Domain.UniquePhone()) with { NeededBy = tonight.AddHours(-10) });
        Assert.False(midday.Value!.IsVisit);
    }
}
