namespace MutualAid.Grains.Tests.Volunteers;

/// <summary>
/// A volunteer whose account a network admin disabled is suspended: off duty, unable to go on duty
/// and refused every new job, with the reason their dispatchers read on the board, until enabled.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SuspendedVolunteerTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private static readonly Actor Ada = new("ada@example.org", "Ada Admin");

    [Fact]
    public async Task A_suspended_volunteer_is_off_duty_and_refused_new_jobs_until_enabled()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Vic");
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id);
        var request = await domain.NewRequest(hub);

        var suspended = await grain.Suspend(true, Ada);
        Assert.True(suspended.IsOk, suspended.Message);
        Assert.True(suspended.Value!.Suspended);
        Assert.False(suspended.Value.OnDuty);

        var assigned = await domain.RequestGrain(request.Id).Assign(new AssignCommand(request.Version, Domain.Sam, volunteer.Id));
        Assert.Equal((ResultStatus.Refused, Reason.VolunteerSuspended), (assigned.Status, assigned.Reason));
        var claimed = await grain.ReserveClaim(Guid.NewGuid(), hub, 1);
        Assert.Equal((ResultStatus.Refused, Reason.VolunteerSuspended), (claimed.Status, claimed.Reason));
        var onDuty = await grain.SetOnDuty(true, Ada);
        Assert.Equal((ResultStatus.Refused, Reason.VolunteerSuspended), (onDuty.Status, onDuty.Reason));

        // Another hub still learns nothing about them, suspended or not.
        var elsewhere = await grain.Reserve(Guid.NewGuid(), await domain.NewHub(), 1);
        Assert.Equal((ResultStatus.NotFound, Reason.NoSuchVolunteer), (elsewhere.Status, elsewhere.Reason));

        // The board's row says why, for the hub's dispatchers; its onlookers are not told.
        var row = (await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == volunteer.Id && v.Suspended))).Volunteers.Single(v => v.Id == volunteer.Id);
        Assert.False(row.ForOnlookers().Suspended);

        var enabled = await grain.Suspend(false, Ada);
        Assert.True(enabled.IsOk, enabled.Message);
        Assert.False(enabled.Value!.OnDuty); // they choose when to come back on duty
        Assert.True((await grain.SetOnDuty(true, Ada)).IsOk);
        var now = (await domain.RequestGrain(request.Id).GetView())!;
        Assert.True((await domain.RequestGrain(request.Id).Assign(new AssignCommand(now.Version, Domain.Sam, volunteer.Id))).IsOk);
    }

    [Fact]
    public async Task Suspending_again_writes_nothing_and_the_trail_says_who()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Val");
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id);

        var first = (await grain.Suspend(true, Ada)).Value!;
        var again = (await grain.Suspend(true, Ada)).Value!;

        Assert.Equal(first.Version, again.Version);
        var trail = await grain.GetAudit();
        var entry = Assert.Single(trail);
        Assert.Equal((Ada, "DidSuspendVolunteer"), (entry.Actor, entry.Said!.Key));
    }
}
