namespace MutualAid.Web.Notifications.Channels;

/// <summary>A rendered message on its way out: the idempotency key, the address (phone or email), and the words.</summary>
public sealed record OutgoingText(string Key, string To, string? Subject, string Body, string Language)
{
    /// <summary>The hub's country (ISO alpha-2), by which a phone typed without a "+" is read; null when it has none.</summary>
    public string? Country { get; init; }
}
