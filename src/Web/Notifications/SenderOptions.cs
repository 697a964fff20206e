namespace MutualAid.Web.Notifications;

/// <summary>
/// The sender's part of the "Notifications" settings (quiet hours, lease and tries are the
/// outbox grains' part: <see cref="Silo.Notifications.OutboxOptions"/>).
/// </summary>
public sealed class SenderOptions
{
    /// <summary>
    /// How often a front-end looks for due messages. A second: a volunteer hears of a job about a
    /// second after it was given, and a busy hub's outbox holds a second's messages, not five, in
    /// every write (docs/benchmarks.md, issue 18). A look with nothing due is one call to the directory.
    /// </summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages taken from one hub's outbox per look.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Quick tries of one channel inside one attempt (transient failures), before the outbox backs off.</summary>
    public int QuickRetries { get; set; } = 2;

    /// <summary>The app's public address ("https://aid.example.org"): links in messages start with it; without it they are paths.</summary>
    public Uri? PublicUrl { get; set; }

    public bool IsValid() =>
        SendInterval >= TimeSpan.FromMilliseconds(100) && SendInterval <= TimeSpan.FromMinutes(10)
        && BatchSize is >= 1 and <= 100
        && QuickRetries is >= 0 and <= 5
        && (PublicUrl is null || PublicUrl.IsAbsoluteUri);
}
