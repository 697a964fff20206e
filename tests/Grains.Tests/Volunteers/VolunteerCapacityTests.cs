namespace MutualAid.Grains.Tests.Volunteers;

[Collection(ClusterCollection.Name)]
public sealed class VolunteerCapacityTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private IVolunteerGrain Grain(Guid id) => fixture.Grains.GetGrain<IVolunteerGrain>(id);

    [Fact]
    public async Task Reserve_refuses_beyond_max_concurrent_assignments_and_release_frees_a_slot()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Lee", maxAssignments: 2);
        var grain = Grain(v.Id);
        // Requests that hold Lee: a refusal asks each whether it still does (a leftover would be ended).
        var (a, b, c) = ((await domain.NewRequest(hub)).Id, (await domain.NewRequest(hub)).Id, Guid.NewGuid());
        foreach (var id in new[] { a, b })
        {
            var request = (await domain.RequestGrain(id).GetView())!;
            Assert.True((await domain.RequestGrain(id).Assign(new AssignCommand(request.Version, Domain.Sam, v.Id))).IsOk);
        }

        var third = await grain.Reserve(c, hub, 1);
        Assert.Equal(ResultStatus.Refused, third.Status);
        Assert.Equal(Reason.AtMostAssignments, Limits.Broken(third));

        await grain.Release(a);
        Assert.True((await grain.Reserve(c, hub, 1)).IsOk);
        Assert.Equal([b, c], (await grain.GetView())!.Reservations.Select(r => r.RequestId));
    }

    [Fact]
    public async Task A_job_end_decided_before_the_request_reserved_the_volunteer_again_leaves_the_new_reservation()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Ana", maxAssignments: 2);
        var grain = Grain(v.Id);
        var request = Guid.NewGuid();

        // The request released Ana and gave her the job again before the release reached her: it
        // holds the second reservation, and the late release names the first.
        var first = (await grain.Reserve(request, hub, 1)).Value!;
        var again = (await grain.Reserve(request, hub, 1)).Value!;
        Assert.True(again.ReservedAt > first.ReservedAt, $"{again.ReservedAt:O} after {first.ReservedAt:O}");
        await grain.EndJob(request, new JobEnd(JobEndKind.Released, first.ReservedAt));
        Assert.Contains((await grain.GetView())!.Reservations, r => r.RequestId == request);

        // Nor does a delivery handed again after she was given the job anew: the job she holds now
        // stays and nothing is banked twice.
        await grain.EndJob(request, new JobEnd(JobEndKind.Completed, first.ReservedAt, Hours: 2));
        Assert.Contains((await grain.GetView())!.Reservations, r => r.RequestId == request);
        Assert.Equal(0, (await grain.GetTimeBank(null, 1))!.Jobs);

        // Her current job delivered banks once, however often the request hands it.
        await grain.EndJob(request, new JobEnd(JobEndKind.Completed, again.ReservedAt, Hours: 2));
        await grain.EndJob(request, new JobEnd(JobEndKind.Completed, again.ReservedAt, Hours: 2));
        Assert.DoesNotContain((await grain.GetView())!.Reservations, r => r.RequestId == request);
        var bank = (await grain.GetTimeBank(null, 1))!;
        Assert.Equal((2.0, 1), (bank.HoursTotal, bank.Jobs));
    }

    [Fact]
    public async Task Reserve_refuses_beyond_the_weekly_hours_counting_hours_given_and_promised()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Kim", maxAssignments: 10, maxHours: 5);
        var grain = Grain(v.Id);
        var done = Guid.NewGuid();
        Assert.True((await grain.Reserve(done, hub, 2)).IsOk);
        await grain.Complete(done, 3);
        Assert.True((await grain.Reserve(Guid.NewGuid(), hub, 1.5)).IsOk);

        var tooMuch = await grain.Reserve(Guid.NewGuid(), hub, 1);

        Assert.Equal(ResultStatus.Refused, tooMuch.Status);
        Assert.Equal(Reason.PastWeeklyHours, Limits.Broken(tooMuch));
        var view = (await grain.GetView())!;
        Assert.Equal(3, view.HoursThisWeek);
        Assert.Equal(3, view.HoursTotal);
    }

    [Fact]
    public async Task Off_duty_and_other_hubs_are_refused_and_reserving_twice_is_idempotent()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Jo");
        var grain = Grain(v.Id);
        var request = Guid.NewGuid();

        var elsewhere = await grain.Reserve(request, "elsewhere", 1);
        Assert.Equal((ResultStatus.NotFound, Reason.NoSuchVolunteer), (elsewhere.Status, elsewhere.Reason));
        var first = await grain.Reserve(request, hub, 1);
        var again = await grain.Reserve(request, hub, 1);
        // The repeat is the same reservation made anew; their load is unchanged, so it hands back no new row.
        Assert.Equal(first.Value! with { Volunteer = null, ReservedAt = again.Value!.ReservedAt }, again.Value);
        Assert.True(again.Value.ReservedAt > first.Value!.ReservedAt);
        Assert.Null(again.Value.Volunteer);
        Assert.Single((await grain.GetView())!.Reservations);

        await grain.SetOnDuty(false, Domain.Sam);
        Assert.Equal(Reason.OffDuty, (await grain.Reserve(Guid.NewGuid(), hub, 1)).Reason);
        // Off duty says their name; another hub hears only what a made-up id gets.
        Assert.Equal(Reason.NoSuchVolunteer, (await grain.Reserve(Guid.NewGuid(), "elsewhere", 1)).Reason);
    }

    [Fact]
    public async Task Profiles_are_validated()
    {
        var bad = new VolunteerProfile("", [], [RequestCategory.Food], [], false, 0, 100);
        var result = await Grain(Guid.NewGuid()).Register(bad, Domain.Sam);
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["Name", "HubSlugs", "MaxConcurrentAssignments", "MaxHoursPerWeek"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task The_board_shows_load_against_limits_and_drops_a_volunteer_who_leaves_the_hub()
    {
        var hub = await domain.NewHub();
        var other = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Ravi", maxAssignments: 4);
        await Grain(v.Id).Reserve(Guid.NewGuid(), hub, 1);

        var board = await domain.WaitForBoard(hub, b => b.Volunteers.Any(x => x.Id == v.Id && x.ActiveAssignments == 1));
        var shown = board.Volunteers.Single(x => x.Id == v.Id);
        Assert.Equal(4, shown.MaxConcurrentAssignments);
        Assert.Equal(1, board.Counts.VolunteersOnDuty);

        var moved = Domain.Volunteer(other, "Ravi", maxAssignments: 4);
        Assert.True((await Grain(v.Id).UpdateProfile(moved, Domain.Sam)).IsOk);
        await domain.WaitForBoard(hub, b => b.Volunteers.All(x => x.Id != v.Id));
        await domain.WaitForBoard(other, b => b.Volunteers.Any(x => x.Id == v.Id));
    }
}
