namespace MutualAid.Grains.Tests.Deadlines;

[Collection(FakeClockCollection.Name)]
public sealed class ReprioritisingTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Raising_to_critical_makes_the_request_overdue_at_the_critical_deadline_counted_from_now()
    {
        var hub = await domain.NewHub(Domain.NewSlug("region"));
        var request = await domain.NewRequest(hub, urgency: Urgency.Low);
        var grain = domain.RequestGrain(request.Id);
        fixture.Clock.Advance(TimeSpan.FromMinutes(40));

        var raised = await grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { Urgency = Urgency.Critical }));

        Assert.True(raised.IsOk, raised.Message);
        var critical = UrgencyTimes.DefaultDeadlines.For(Urgency.Critical);
        var due = fixture.Clock.GetUtcNow() + critical;
        Assert.Equal(due, raised.Value!.AssignBy);
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id && r.AssignBy == due));

        fixture.Clock.Advance(critical - TimeSpan.FromMinutes(1));
        await grain.CheckDeadline();
        Assert.Null((await grain.GetView())!.OverdueSince);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await grain.CheckDeadline();
        Assert.Equal(due, (await grain.GetView())!.OverdueSince);
    }

    [Fact]
    public async Task Editing_other_fields_keeps_the_deadline_running_from_when_it_started()
    {
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub, urgency: Urgency.High);
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));

        var edited = await domain.RequestGrain(request.Id).Edit(new EditRequest(request.Version, Domain.Sam, new() { Need = "Three bags" }));

        Assert.Equal(request.AssignBy, edited.Value!.AssignBy);
    }
}
