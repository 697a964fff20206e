namespace MutualAid.Volunteers;

/// <summary>
/// A volunteer's limits as one rule: the volunteer grain refuses a reservation that breaks one
/// (unless a coordinator overrides it) and a hub's matcher ranks such a volunteer last, so a
/// suggestion never proposes what assignment would refuse. Pure, so both ask the same question.
/// </summary>
public static class VolunteerLimits
{
    // Hours are sums of doubles: a hair over the limit is still at it.
    private const double Slack = 1e-9;

    // A job always takes some time, so hours that are all given leave no room even for a job with no estimate.
    private const double LeastJob = 1e-6;

    /// <summary>Holding as many assignments as they said they can.</summary>
    public static bool Full(int active, int maxActive) => active >= maxActive;

    /// <summary>Whether <paramref name="more"/> hours on top of <paramref name="counted"/> pass <paramref name="limit"/>.</summary>
    public static bool Passes(double counted, double more, double limit) => counted + Math.Max(more, LeastJob) > limit + Slack;

    /// <summary>The window of their stated hours that <paramref name="local"/> (the hub's local time) falls in; null when none does.</summary>
    public static AvailabilityWindow? WindowAt(IReadOnlyList<AvailabilityWindow> availability, DateTime local) =>
        availability.FirstOrDefault(w => w.Contains(local));

    /// <summary>Stated hours are a limit too; a volunteer who stated none is never outside them.</summary>
    public static bool OutsideHours(IReadOnlyList<AvailabilityWindow> availability, DateTime local) =>
        availability.Count > 0 && WindowAt(availability, local) is null;

    /// <summary>The first limit taking on <paramref name="estimatedHours"/> more would break, as a dispatcher reads it; null when none does.</summary>
    public static Phrase? Broken(VolunteerLoad load, double estimatedHours)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (Full(load.Active, load.MaxActive)) return Reason.AtMostAssignments.Say(load.Name, load.Active, load.MaxActive);

        var week = load.HoursThisWeek + load.HoursPromised;
        if (Passes(week, estimatedHours, load.MaxHoursPerWeek)) return Reason.PastWeeklyHours.Say(load.Name, load.MaxHoursPerWeek, week);

        // Rest counts what is promised as well as what is given, as the weekly rule does: a storm
        // night of short jobs reserved back to back would otherwise pass it before any is delivered.
        return Passes(load.HoursLastDay + load.HoursPromised, estimatedHours, load.RestAfterHoursInADay)
            ? Reason.ShouldRest.Say(load.Name, load.HoursLastDay, load.HoursPromised, estimatedHours, load.RestAfterHoursInADay)
            : null;
    }

    /// <summary>Outside every window of their stated hours, as a dispatcher reads it; null when inside one or none is stated.</summary>
    public static Phrase? Outside(string name, IReadOnlyList<AvailabilityWindow> availability, DateTime local) =>
        OutsideHours(availability, local) ? Reason.OutsideTheirHours.Say(name, string.Join(", ", availability)) : null;
}
