namespace MutualAid.Grains.Tests.Volunteers;

[Collection(FakeClockCollection.Name)]
public sealed class TimeBankTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Hours_are_banked_by_week_and_by_hub_and_the_last_job_is_known()
    {
        var (north, south) = (await domain.NewHub(), await domain.NewHub());
        var v = await domain.NewVolunteer(north, "Tam", maxAssignments: 5, maxHours: 40);
        var profile = (await fixture.Grains.GetGrain<IVolunteerGrain>(v.Id).GetView())!.Profile;
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(v.Id);
        Assert.True((await grain.UpdateProfile(profile with { HubSlugs = [north, south] }, Domain.Sam)).IsOk);

        async Task Job(string hub, double hours)
        {
            var id = Guid.NewGuid();
            Assert.True((await grain.Reserve(id, hub, 1)).IsOk);
            await grain.Complete(id, hours);
        }

        await Job(north, 2);
        await Job(south, 1.5);
        fixture.Clock.Advance(TimeSpan.FromDays(7));
        await Job(north, 3);
        var lastJob = fixture.Clock.GetUtcNow();
        var open = Guid.NewGuid();
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await grain.Reserve(open, south, 1)).IsOk); // taken on, not done yet

        var all = (await grain.GetTimeBank(null, 3))!;
        var northOnly = (await grain.GetTimeBank(north, 3))!;

        Assert.Equal(6.5, all.HoursTotal);
        Assert.Equal(3, all.Jobs);
        Assert.Equal(fixture.Clock.GetUtcNow(), all.LastTookSomething); // the open reservation
        Assert.Equal(1, all.ActiveAssignments);
        Assert.Equal([3.0, 3.5, 0.0], all.RecentWeeks.Select(w => w.Hours));
        Assert.Equal(TimeBankStatement.WeekOf(fixture.Clock.GetUtcNow()), all.RecentWeeks[0].WeekStarting);
        Assert.Equal(DayOfWeek.Monday, all.RecentWeeks[0].WeekStarting.DayOfWeek);

        Assert.Equal(5, northOnly.HoursTotal);
        Assert.Equal(3, northOnly.HoursLastSevenDays);
        Assert.Equal([3.0, 2.0, 0.0], northOnly.RecentWeeks.Select(w => w.Hours));
        Assert.Equal(lastJob, northOnly.LastTookSomething);
        Assert.Equal(0, northOnly.ActiveAssignments);
    }

    [Fact]
    public async Task Jobs_from_before_last_week_fold_into_weekly_totals_and_the_statement_reads_the_same()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Ola", maxAssignments: 5, maxHours: 40);
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(v.Id);
        async Task Job(double hours)
        {
            var id = Guid.NewGuid();
            Assert.True((await grain.Reserve(id, hub, 1)).IsOk);
            await grain.Complete(id, hours);
        }

        await Job(2);
        await Job(1);
        var lastOfFirstWeek = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromDays(7));
        await Job(4);
        fixture.Clock.Advance(TimeSpan.FromDays(7));
        await Job(1.5);
        fixture.Clock.Advance(TimeSpan.FromDays(7));
        await Job(0.5); // the two oldest weeks are now before last week: this job's write folds them
        var lastJob = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromHours(1)); // last week's job is now more than seven days ago

        var statement = (await grain.GetTimeBank(hub, 5))!;
        Assert.Equal([0.5, 1.5, 4.0, 3.0, 0.0], statement.RecentWeeks.Select(w => w.Hours));
        Assert.Equal(9, statement.HoursTotal);
        Assert.Equal(5, statement.Jobs);
        Assert.Equal(0.5, statement.HoursLastSevenDays);
        Assert.Equal(lastJob, statement.LastTookSomething);
        Assert.Equal(9, (await grain.GetView())!.HoursTotal);

        var stored = await fixture.Cluster.Stored<MutualAid.Silo.Volunteers.VolunteerState>("volunteer", grain.GetGrainId());
        Assert.Equal(2, stored.State!.TimeBank.Count); // last week's job and this week's
        Assert.Equal([(3.0, 2), (4.0, 1)], stored.State.PastWeeks.Select(w => (w.Hours, w.Jobs)));
        Assert.Equal(lastOfFirstWeek, stored.State.PastWeeks[0].LastAt);
    }

    [Fact]
    public async Task A_delivery_handed_again_after_its_entry_was_folded_into_a_weeks_total_is_not_banked_twice()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Ike", maxAssignments: 5, maxHours: 40);
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(v.Id);
        var request = Guid.NewGuid();
        var reserved = (await grain.Reserve(request, hub, 1)).Value!;
        await grain.EndJob(request, new JobEnd(JobEndKind.Completed, reserved.ReservedAt, Hours: 3));

        // Weeks later another job folds the first into its week's total; then the request's next
        // activation hands the same end again (it leaves the request's state only with its next write).
        fixture.Clock.Advance(TimeSpan.FromDays(21));
        var later = Guid.NewGuid();
        Assert.True((await grain.Reserve(later, hub, 1)).IsOk);
        await grain.Complete(later, 1);
        await grain.EndJob(request, new JobEnd(JobEndKind.Completed, reserved.ReservedAt, Hours: 3));

        Assert.Equal(4.0, (await grain.GetTimeBank(null, 8))!.HoursTotal);
    }
}
