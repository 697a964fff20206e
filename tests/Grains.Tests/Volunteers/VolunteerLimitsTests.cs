namespace MutualAid.Grains.Tests.Volunteers;

/// <summary>The one limits rule the volunteer grain refuses by and the hub's matcher ranks by.</summary>
public sealed class VolunteerLimitsTests
{
    private static VolunteerLoad Kim(int active = 0, double week = 0, double promised = 0, double lastDay = 0) =>
        new("Kim", active, 2, week, promised, 5, lastDay, 8);

    [Fact]
    public void A_volunteer_is_full_at_the_number_of_assignments_they_stated()
    {
        Assert.False(VolunteerLimits.Full(1, 2));
        Assert.True(VolunteerLimits.Full(2, 2));
        Assert.True(VolunteerLimits.Full(3, 2)); // an override can leave them past it
    }

    [Fact]
    public void Hours_may_reach_the_limit_but_not_pass_it_and_hours_all_given_leave_no_room()
    {
        Assert.False(VolunteerLimits.Passes(4, 1, 5));
        Assert.True(VolunteerLimits.Passes(4.5, 1, 5));
        Assert.False(VolunteerLimits.Passes(4.9, 0, 5));
        Assert.True(VolunteerLimits.Passes(5, 0, 5)); // a job with no estimate still takes some time
        Assert.False(VolunteerLimits.Passes(0.1 + 0.2, 4.7, 5)); // sums of doubles a hair over are at the limit
    }

    [Fact]
    public void The_first_limit_broken_is_named_with_its_own_code_and_words()
    {
        Assert.Null(VolunteerLimits.Broken(Kim(active: 1, week: 1, promised: 1, lastDay: 1), 1));

        Assert.Equal(Reason.AtMostAssignments.Key(), VolunteerLimits.Broken(Kim(active: 2, week: 5), 1)!.Key);

        var week = VolunteerLimits.Broken(Kim(week: 3.5, promised: 1), 1)!;
        Assert.Equal(Reason.PastWeeklyHours.Key(), week.Key);
        Assert.Equal("Kim would pass their limit of 5 h this week (4.5 h given or promised).", week.ToString());

        var rest = VolunteerLimits.Broken(Kim(promised: 1, lastDay: 6.5) with { MaxHoursPerWeek = 40 }, 1)!;
        Assert.Equal(Reason.ShouldRest.Key(), rest.Key);
        Assert.Equal("Kim has given 6.5 h in the last 24 h and should rest: with 1 h promised and 1 h for this they would pass their limit of 8 h a day.", rest.ToString());
    }

    [Fact]
    public void Stated_hours_limit_only_a_volunteer_who_stated_some()
    {
        var tuesdayMorning = new DateTime(2026, 11, 24, 10, 0, 0);
        var mornings = new AvailabilityWindow(DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0));
        var fridays = new AvailabilityWindow(DayOfWeek.Friday, new TimeOnly(9, 0), new TimeOnly(12, 0));

        Assert.Null(VolunteerLimits.Outside("Wren", [], tuesdayMorning));
        Assert.Null(VolunteerLimits.Outside("Wren", [fridays, mornings], tuesdayMorning));
        Assert.Equal(mornings, VolunteerLimits.WindowAt([fridays, mornings], tuesdayMorning));
        var outside = VolunteerLimits.Outside("Wren", [fridays], tuesdayMorning)!;
        Assert.Equal(Reason.OutsideTheirHours.Key(), outside.Key);
        Assert.Equal($"Wren is outside their stated hours ({fridays}).", outside.ToString());
    }

    [Fact]
    public void The_matcher_warns_of_exactly_the_limits_the_grain_would_refuse()
    {
        var request = new RequestSummary(Guid.NewGuid(), 1, "h", RequestStatus.New, RequestCategory.Food, Urgency.Normal,
            "A", "N", RequestSource.Member, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "Sam");
        VolunteerSummary Volunteer(int active, double week) => new(Guid.NewGuid(), 1, "Kim", ["h"], [RequestCategory.Food], [], true, true, active, 2, week, 5);
        IEnumerable<string?> Warned(VolunteerSummary v) => VolunteerMatcher.Score(request, v, DateTime.Now).Warnings.Select(w => w.Key);
        Reason? Refused(VolunteerSummary v) => VolunteerLimits.Broken(new VolunteerLoad(v.Name, v.ActiveAssignments, v.MaxConcurrentAssignments, v.HoursThisWeek, 0, v.MaxHoursPerWeek, 0, 24), 0) is { } p
            ? Enum.GetValues<Reason>().Single(r => r.Key() == p.Key)
            : null;

        var free = Volunteer(1, 4.9);
        var full = Volunteer(2, 1);
        var spent = Volunteer(0, 5);

        Assert.DoesNotContain(Warned(free), k => k is "AtLimit" or "HoursSpent");
        Assert.Null(Refused(free));
        Assert.True(free.HasCapacity);
        Assert.Contains("AtLimit", Warned(full));
        Assert.Equal(Reason.AtMostAssignments, Refused(full));
        Assert.False(full.HasCapacity);
        Assert.Contains("HoursSpent", Warned(spent));
        Assert.Equal(Reason.PastWeeklyHours, Refused(spent));
        Assert.False(spent.HasCapacity);
    }
}
