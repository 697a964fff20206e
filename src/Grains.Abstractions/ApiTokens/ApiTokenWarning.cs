namespace MutualAid.ApiTokens;

/// <summary>
/// When a hub's coordinators hear that a token is about to end, and when the team page shows it as
/// ending soon: one rule for both, so the page never says "ends soon" of a token nobody was told about.
/// </summary>
public static class ApiTokenWarning
{
    /// <summary>
    /// A week before the end of a token of 30 days or more: time to reach whoever runs the integration.
    /// A day before a 7-day token, whose week would begin the day it is issued.
    /// </summary>
    public static TimeSpan Before(TimeSpan lifetime) => lifetime >= TimeSpan.FromDays(30) ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    /// <summary>When the warning is due; null for a token stored before tokens had a lifetime, which never ends by itself.</summary>
    public static DateTimeOffset? From(DateTimeOffset createdAt, DateTimeOffset? expiresAt) =>
        expiresAt is { } end ? end - Before(end - createdAt) : null;
}
