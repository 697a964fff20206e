namespace MutualAid.Grains.Tests.Deadlines;

[Collection(FakeClockCollection.Name)]
public sealed class DeadlineTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task An_unassigned_critical_request_becomes_overdue_then_is_offered_to_the_region_and_a_neighbour_takes_it()
    {
        var region = Domain.NewSlug("region");
        var north = await domain.NewHub(region);
        var south = await domain.NewHub(region);
        var created = await domain.NewRequest(north, urgency: Urgency.Critical);
        var grain = domain.RequestGrain(created.Id);
        Assert.Equal(fixture.Clock.GetUtcNow().AddMinutes(15), created.AssignBy);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await grain.CheckDeadline();
        Assert.Null((await grain.GetView())!.OverdueSince); // not yet

        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        await grain.CheckDeadline();
        var overdue = (await grain.GetView())!;
        Assert.Equal(fixture.Clock.GetUtcNow(), overdue.OverdueSince);
        Assert.Null(overdue.OfferedToRegion);
        Assert.Equal(("MutualAid", "marked this overdue"), ((await grain.GetAudit())[^1].Actor.DisplayName, (await grain.GetAudit())[^1].Action));
        Assert.Equal(MutualAid.Common.Reason.NotAssignedInTime.Key(), (await grain.GetAudit())[^1].ReasonSaid?.Key);
        var board = await domain.WaitForBoard(north, b => b.Requests.Any(r => r.Id == created.Id && r.OverdueSince is not null));
        Assert.Equal(1, board.Counts.Overdue);

        fixture.Clock.Advance(TimeSpan.FromMinutes(15));
        await grain.CheckDeadline();
        await grain.CheckDeadline(); // idempotent
        var offered = (await grain.GetView())!;
        Assert.Equal(region, offered.OfferedToRegion);
        Assert.Equal(RequestStatus.New, offered.Status); // still on its own board until someone takes it
        var inbox = Assert.Single((await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())!.Escalations);
        Assert.Equal(created.Id, inbox.Request.Id);
        Assert.StartsWith("Unassigned for 31 min", inbox.Reason);
        Assert.Equal(MutualAid.Common.Reason.UnassignedPastDeadline.Key(), inbox.ReasonSaid?.Key);

        var taken = await grain.TransferTo(new TransferCommand(offered.Version, Domain.Ana, south, "we have a driver"));
        Assert.True(taken.IsOk, taken.Message);
        Assert.Equal(south, taken.Value!.HubSlug);
        Assert.Equal(RequestStatus.Triaged, taken.Value.Status);
        Assert.Null(taken.Value.OfferedToRegion);
        Assert.Equal(fixture.Clock.GetUtcNow().AddMinutes(15), taken.Value.AssignBy); // the new hub's clock starts now
        Assert.Empty((await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())!.Escalations);
        await domain.WaitForBoard(south, b => b.Requests.Any(r => r.Id == created.Id));
        await domain.WaitForBoard(north, b => b.Requests.All(r => r.Id != created.Id));
        var audit = await grain.GetAudit();
        Assert.Equal(["created this (phone intake)", "marked this overdue", $"offered this to region {region}", $"moved this from hub {north} to hub {south}"],
            audit.Select(a => a.Action));
    }

    [Fact]
    public async Task A_hub_outside_the_region_cannot_take_the_request()
    {
        var north = await domain.NewHub(Domain.NewSlug("region"));
        var elsewhere = await domain.NewHub(Domain.NewSlug("region"));
        var request = await domain.NewRequest(north);
        var refused = await domain.RequestGrain(request.Id).TransferTo(new TransferCommand(1, Domain.Ana, elsewhere));
        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal(MutualAid.Common.Reason.OutsideRegion, refused.Reason);
    }

    [Fact]
    public async Task Clock_marks_do_not_conflict_with_a_dispatcher_but_human_changes_do()
    {
        var hub = await domain.NewHub(Domain.NewSlug("region"));
        var volunteer = await domain.NewVolunteer(hub);
        var request = await domain.NewRequest(hub, urgency: Urgency.High);
        var grain = domain.RequestGrain(request.Id);
        fixture.Clock.Advance(TimeSpan.FromMinutes(61));
        await grain.CheckDeadline();
        Assert.Equal(2, (await grain.GetView())!.Version);

        var assigned = await grain.Assign(new AssignCommand(request.Version, Domain.Sam, volunteer.Id));

        Assert.True(assigned.IsOk, assigned.Message);
        Assert.Null(assigned.Value!.AssignBy);
        Assert.Null(assigned.Value.OverdueSince);
        var stale = await grain.Triage(new TriageCommand(request.Version, Domain.Ana));
        Assert.Equal(ResultStatus.Conflict, stale.Status);
    }

    [Fact]
    public async Task The_deadline_reminder_is_armed_while_waiting_moves_with_urgency_and_goes_once_assigned()
    {
        var (hub, volunteer, request, grain) = await domain.HubWithRequest("Priya", urgency: Urgency.Low);
        var table = fixture.Cluster.Reminders();
        var grainId = grain.GetGrainId();

        Assert.NotNull(await table.ReadRow(grainId, "deadline"));
        var triaged = (await grain.Triage(new TriageCommand(1, Domain.Sam, Urgency.Critical))).Value!;
        Assert.Equal(request.CreatedAt.AddMinutes(15), triaged.AssignBy); // counts from when it started waiting

        await grain.Assign(new AssignCommand(triaged.Version, Domain.Sam, volunteer.Id));
        Assert.Null(await table.ReadRow(grainId, "deadline"));

        var back = (await grain.Unassign(new RequestCommand(3, Domain.Sam, "car broke down"))).Value!;
        Assert.Equal(fixture.Clock.GetUtcNow().AddMinutes(15), back.AssignBy);
        Assert.NotNull(await table.ReadRow(grainId, "deadline"));
    }
}
