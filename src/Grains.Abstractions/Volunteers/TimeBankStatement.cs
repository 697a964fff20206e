namespace MutualAid.Volunteers;

/// <summary>Hours one volunteer gave in one week (weeks start on Monday, UTC).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.WeekHours")]
public sealed record WeekHours([property: Id(0)] DateOnly WeekStarting, [property: Id(1)] double Hours);

/// <summary>
/// A volunteer's time bank, for the volunteer themselves or for one hub's coordinators (then only
/// the hours given to that hub). Never published on a board: there is no leaderboard.
/// <see cref="HoursLastSevenDays"/> is the rolling week the weekly limit counts; <see cref="RecentWeeks"/>
/// are calendar weeks.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.TimeBankStatement")]
public sealed record TimeBankStatement(
    [property: Id(0)] Guid VolunteerId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<WeekHours> RecentWeeks,
    [property: Id(3)] double HoursLastSevenDays,
    [property: Id(4)] double HoursTotal,
    [property: Id(5)] int Jobs,
    [property: Id(6)] DateTimeOffset? LastTookSomething,
    [property: Id(7)] int ActiveAssignments)
{
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>The first days of this week and the <paramref name="weeks"/> − 1 before it, newest first (1 to 52 weeks).</summary>
    public static IEnumerable<DateOnly> WeeksBack(DateTimeOffset now, int weeks)
    {
        var thisWeek = WeekOf(now);
        return Enumerable.Range(0, Math.Clamp(weeks, 1, 52)).Select(i => thisWeek.AddDays(-7 * i));
    }

    /// <summary>The statement of someone who has given nothing and holds nothing (there, or at all).</summary>
    public static TimeBankStatement Nothing(Guid volunteerId, string name, int weeks, DateTimeOffset now) =>
        new(volunteerId, name, [.. WeeksBack(now, weeks).Select(week => new WeekHours(week, 0))], 0, 0, 0, null, 0);
}
