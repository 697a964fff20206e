namespace MutualAid.Silo.Notifications;

/// <summary>The "Notifications" settings the outbox grains follow (the web tier's sender reads the same section).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Notifications";

    public QuietHoursOptions QuietHours { get; set; } = new();

    /// <summary>How long a sender holds a message before another front-end may send it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Tries (each with the sender's own few quick retries) before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed try; it doubles with each try after.</summary>
    public TimeSpan FirstBackOff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Finished messages older than this leave the history.</summary>
    public int KeepDays { get; set; } = 30;

    /// <summary>At most this many finished messages stay in a hub's history (the oldest go first).</summary>
    public int KeepAtMost { get; set; } = 2000;

    /// <summary>
    /// Of those, this many of the newest stay whole (what the coordinators' view and a person's page
    /// show); older ones are kept only as keys, so a message handed again is still not sent twice.
    /// </summary>
    public int KeepWhole { get; set; } = 200;

    /// <summary>Checked at start-up, so a typo in the settings stops the app instead of silencing messages.</summary>
    public bool IsValid() =>
        QuietHours.From != QuietHours.To
        && Lease >= TimeSpan.FromSeconds(5) && Lease <= TimeSpan.FromHours(1)
        && MaxAttempts is >= 1 and <= 50
        && FirstBackOff >= TimeSpan.FromSeconds(1) && FirstBackOff <= TimeSpan.FromHours(1)
        && KeepDays is >= 1 and <= 365
        && KeepAtMost is >= 10 and <= 100_000
        && KeepWhole is >= 10 and <= 100_000;
}

/// <summary>When nothing but critical messages goes out, in the hub's time zone (From later than To spans midnight).</summary>
public sealed class QuietHoursOptions
{
    public TimeOnly From { get; set; } = new(22, 0);

    public TimeOnly To { get; set; } = new(7, 0);

    public bool Contains(TimeOnly time) =>
        From <= To ? time >= From && time < To : time >= From || time < To;

    /// <summary>When the quiet hours holding <paramref name="local"/> end (the next <see cref="To"/>).</summary>
    public DateTime EndAfter(DateTime local)
    {
        var end = local.Date + To.ToTimeSpan();
        return end > local ? end : end.AddDays(1);
    }
}
