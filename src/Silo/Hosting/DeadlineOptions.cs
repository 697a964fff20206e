namespace MutualAid.Silo.Hosting;

/// <summary>
/// MutualAid:Deadlines. How short a hub may make its own assignment deadlines, and how often a due
/// request's reminder looks again until nothing waits on the clock. The defaults are what a real
/// network wants (a minute each: people answer in minutes, and a reminder a minute keeps the reminder
/// table quiet); a network rehearsing an escalation, such as the browser tests' app, may count in seconds.
/// </summary>
public sealed class DeadlineOptions
{
    public const string Section = "MutualAid:Deadlines";

    /// <summary>The shortest assignment deadline a hub may give itself; the settings page counts in steps of it.</summary>
    public TimeSpan Shortest { get; set; } = MutualAid.Hubs.HubSettings.ShortestDeadline;

    /// <summary>Once a request's deadline, claim window or visit alarm, a proposal's close or an offer's expiry is due, its reminder ticks again at this pace until nothing waits on the clock.</summary>
    public TimeSpan Recheck { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Checked at start-up. The recheck can be no quicker than the reminder period the silo allows
    /// (<see cref="Hubs.HubDelivery.ReminderPeriod"/>). The shortest deadline is at most the product's
    /// minute and divides a minute evenly, so the settings page's minutes stay whole steps of it
    /// (a real network's page keeps counting in whole minutes).
    /// </summary>
    public bool IsValid() =>
        Recheck >= Hubs.HubDelivery.ReminderPeriod && Recheck <= TimeSpan.FromHours(1)
        && Shortest >= TimeSpan.FromSeconds(1) && Shortest <= MutualAid.Hubs.HubSettings.ShortestDeadline
        && TimeSpan.FromMinutes(1).Ticks % Shortest.Ticks == 0;

    public const string Rule = "MutualAid:Deadlines: Recheck 3 s-1 h; Shortest 1 s-1 min and a whole number of them makes a minute (e.g. 00:00:15).";

    /// <summary>
    /// <paramref name="minutes"/> as typed on the settings page, to the nearest whole step of
    /// <see cref="Shortest"/> (whole minutes by default).
    /// </summary>
    public TimeSpan Steps(decimal minutes)
    {
        var step = (decimal)Shortest.TotalSeconds;
        var steps = Math.Round(minutes * 60 / step, MidpointRounding.AwayFromZero);
        return TimeSpan.FromSeconds((double)(steps * step));
    }
}
