using MutualAid.Shifts;

namespace MutualAid.Web.Shifts;

/// <summary>One organiser whose week ran past the hub's limits: their hours in seven days and their longest shift.</summary>
public sealed record OrganiserWeek(string Name, double HoursThisWeek, double LongestShiftHours, bool OnNow);

/// <summary>
/// Who among the organisers has been on too long: more hours in the last seven days than the hub
/// allows, or one shift past its longest. Pure, so the rule is easy to test.
/// </summary>
public static class OrganiserShifts
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static OrganiserWeek ThisWeek(string name, ShiftView view, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        var since = now - Week;
        var shifts = view.Recent.Prepend(view.Current).OfType<Shift>().Where(s => (s.EndedAt ?? now) > since).ToArray();
        return new OrganiserWeek(name, shifts.Sum(s => s.LengthSince(since, now).TotalHours),
            shifts.Select(s => s.Length(now).TotalHours).DefaultIfEmpty(0).Max(), view.Current is not null);
    }

    public static bool TooLong(OrganiserWeek week, ShiftLimits limits)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(limits);
        return week.HoursThisWeek > limits.MaxHoursPerWeek || week.LongestShiftHours > limits.MaxShiftHours;
    }
}
