namespace MutualAid.Grains.Tests.Volunteers;

/// <summary>Burnout limits: a volunteer's own limits hold unless a coordinator overrides them with a reason.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class LimitOverrideTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_volunteer_who_gave_a_long_day_rests_until_the_hours_fall_out_of_the_last_24_hours()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Noor", maxAssignments: 5, maxHours: 40);
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(v.Id);
        var shift = Guid.NewGuid();
        Assert.True((await grain.Reserve(shift, hub, 8)).IsOk);
        await grain.Complete(shift, VolunteerProfile.DefaultRestAfterHours);

        var tired = await grain.Reserve(Guid.NewGuid(), hub, 1);
        Assert.Equal(ResultStatus.Refused, tired.Status);
        Assert.Equal(Reason.ShouldRest, Limits.Broken(tired));

        fixture.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        Assert.True((await grain.Reserve(Guid.NewGuid(), hub, 1)).IsOk);
    }

    [Fact]
    public async Task A_coordinator_override_passes_the_limit_and_the_audit_keeps_who_and_why()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Ola", maxAssignments: 1);
        var busy = await domain.NewRequest(hub);
        Assert.True((await domain.RequestGrain(busy.Id).Assign(new AssignCommand(busy.Version, Domain.Sam, v.Id))).IsOk);
        var request = await domain.NewRequest(hub);
        var grain = domain.RequestGrain(request.Id);

        var refused = await grain.Assign(new AssignCommand(request.Version, Domain.Ana, v.Id));
        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal(Reason.AtMostAssignments, Limits.Broken(refused)); // the dispatch dialog offers an override on PastLimits

        var blank = await grain.Assign(new AssignCommand(request.Version, Domain.Sam, v.Id) { OverrideLimits = "  " });
        Assert.Equal(ResultStatus.Refused, blank.Status); // blank is no override: the limit still holds

        var overridden = await grain.Assign(new AssignCommand(request.Version, Domain.Sam, v.Id) { OverrideLimits = "only Ola has the insulin fridge key" });
        Assert.True(overridden.IsOk, overridden.Message);
        var entry = (await grain.GetAudit())[^1];
        Assert.Equal(Domain.Sam, entry.Actor);
        Assert.Equal("assigned this to Ola, past their limits (only Ola has the insulin fridge key)", entry.Action);
        Assert.Equal(2, (await fixture.Grains.GetGrain<IVolunteerGrain>(v.Id).GetView())!.Reservations.Count);
    }

    [Fact]
    public async Task An_override_does_not_reach_a_volunteer_who_is_off_duty()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Pat");
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(v.Id);
        await grain.SetOnDuty(false, Domain.Sam);

        var result = await grain.ReserveOverridingLimits(Guid.NewGuid(), hub, 1, "urgent");

        Assert.Equal(Reason.OffDuty, result.Reason);
    }
}

/// <summary>Fair rotation: among equally suited volunteers, the one who has given least lately comes first.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class FairRotationTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Over_a_simulated_week_taking_the_top_suggestion_spreads_the_hours_evenly()
    {
        var hub = await domain.NewHub();
        var people = new[] { "Ash", "Bo", "Cy" };
        var ids = new List<Guid>();
        foreach (var name in people) ids.Add((await domain.NewVolunteer(hub, name, maxAssignments: 3, maxHours: 40)).Id);
        await domain.WaitForBoard(hub, b => b.Volunteers.Count == people.Length);

        // Three jobs a day for a week, each an hour, each given to whoever the hub suggests first.
        for (var job = 0; job < 21; job++)
        {
            var request = await domain.NewRequest(hub);
            await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id));
            var top = (await domain.Hub(hub).SuggestVolunteers(request.Id, 1))[0].Candidate.Id;
            var grain = domain.RequestGrain(request.Id);
            var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, top))).Value!;
            var started = (await grain.Start(new RequestCommand(assigned.Version, Domain.Sam))).Value!;
            Assert.True((await grain.Fulfil(new FulfilCommand(started.Version, Domain.Sam, 1))).IsOk);
            try
            {
                await domain.WaitForBoard(hub, b => b.Volunteers.All(v => v.ActiveAssignments == 0) && b.Requests.All(r => r.Id != request.Id));
            }
            catch (TimeoutException)
            {
                var b = await domain.Hub(hub).GetSnapshot();
                var views = new List<string>();
                foreach (var id in ids) views.Add(System.Text.Json.JsonSerializer.Serialize(await fixture.Grains.GetGrain<IVolunteerGrain>(id).GetView()));
                throw new TimeoutException($"job {job}: board v{b.Version} volunteers {string.Join("; ", b.Volunteers.Select(v => $"{v.Name} v{v.Version} active {v.ActiveAssignments}"))}; requests {string.Join(",", b.Requests.Select(r => $"{r.Id} {r.Status} v{r.Version}"))}; this {request.Id} now {(await grain.GetView())!.Status} v{(await grain.GetView())!.Version}; grains {string.Join(" | ", views)}");
            }

            // Let one-way notices and their writes finish first: the silo's own call timeouts run on
            // this clock too, so a jump of hours would expire a write still in flight.
            await Task.Delay(50);
            fixture.Clock.Advance(TimeSpan.FromHours(8));
        }

        var hours = new List<double>();
        foreach (var id in ids) hours.Add((await fixture.Grains.GetGrain<IVolunteerGrain>(id).GetView())!.HoursTotal);
        Assert.Equal(21, hours.Sum());
        Assert.True(hours.Max() - hours.Min() <= 1, "hours given: " + string.Join(", ", hours));
    }
}

/// <summary>Stated availability windows are limits too (in the hub's time zone).</summary>
[Collection(FakeClockCollection.Name)]
public sealed class AvailabilityLimitTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_volunteer_is_not_assigned_outside_their_stated_hours_unless_a_coordinator_overrides()
    {
        var hub = await domain.NewHub();
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        var tomorrow = now.Date.AddDays(1);
        var window = new AvailabilityWindow(tomorrow.DayOfWeek, new TimeOnly(0, 0), new TimeOnly(23, 59)); // the hub is on UTC
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(Guid.NewGuid());
        Assert.True((await grain.Register(Domain.Volunteer(hub, "Wren", 3, 10) with { Availability = [window] }, Domain.Sam)).IsOk);

        var refused = await grain.Reserve(Guid.NewGuid(), hub, 1);
        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal(Reason.OutsideTheirHours, Limits.Broken(refused));
        Assert.StartsWith($"Wren is outside their stated hours ({window})", refused.Message, StringComparison.Ordinal);
        Assert.True((await grain.ReserveOverridingLimits(Guid.NewGuid(), hub, 1, "she said to call her any time for insulin")).IsOk);

        fixture.Clock.SetUtcNow(new DateTimeOffset(tomorrow, TimeSpan.Zero).AddMinutes(1));
        Assert.True((await grain.Reserve(Guid.NewGuid(), hub, 1)).IsOk);
    }
}
