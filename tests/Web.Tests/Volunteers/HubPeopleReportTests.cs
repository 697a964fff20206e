namespace MutualAid.Web.Tests.Volunteers;

public sealed class HubPeopleReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static TimeBankStatement Person(string name, double lastSevenDays, int? daysSinceLast, int active = 0) =>
        new(Guid.NewGuid(), name, [], lastSevenDays, lastSevenDays * 3, 4, daysSinceLast is { } d ? Now.AddDays(-d) : null, active);

    [Fact]
    public void Quiet_means_nothing_taken_on_for_the_chosen_days_and_nothing_open_now()
    {
        var report = HubPeopleReport.Assess(
        [
            Person("Ari", 0, daysSinceLast: 20),
            Person("Bea", 0, daysSinceLast: 13),
            Person("Cal", 0, daysSinceLast: null),
            Person("Dev", 0, daysSinceLast: 30, active: 1), // holding a job now: not drifting
        ], Now, quietDays: 14);

        Assert.Equal(["Ari", "Cal"], report.Where(p => p.Quiet).Select(p => p.Hours.Name));
        Assert.Equal(20, report.Single(p => p.Hours.Name == "Ari").DaysSinceLastJob);
        Assert.Null(report.Single(p => p.Hours.Name == "Cal").DaysSinceLastJob);
        Assert.Equal("Ari", report[0].Hours.Name); // quiet people first
    }

    [Fact]
    public void Carries_the_most_is_the_busiest_quarter_of_those_who_gave_anything_this_week()
    {
        var people = Enumerable.Range(1, 8).Select(i => Person($"P{i}", i, daysSinceLast: 0)).Append(Person("Idle", 0, 1)).ToArray();

        var report = HubPeopleReport.Assess(people, Now, quietDays: 14);

        Assert.Equal(["P7", "P8"], report.Where(p => p.CarriesMost).Select(p => p.Hours.Name).Order());
        Assert.Equal(["P1"], HubPeopleReport.Assess([people[0], people[^1]], Now, 14).Where(p => p.CarriesMost).Select(p => p.Hours.Name));
    }
}
