using MutualAid.Notifications;

namespace MutualAid.Web.Notifications.Channels;

/// <summary>
/// One way out of the app (SMS through Twilio, email through SMTP). The outbox sender renders a
/// message in the person's language and hands it here; the channel only transports it.
/// </summary>
public interface IMessageChannel
{
    Channel Channel { get; }

    /// <summary>False when no provider is set up (the embedded default): messages then stay on the person's page.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Sends once. Throws nothing for a refusal the provider gave: that is a <see cref="SendOutcome"/>.
    /// Transient failures (network, 5xx, 429) come back as not <see cref="SendOutcome.Permanent"/> so
    /// the sender retries; the <see cref="OutgoingText.Key"/> is passed to the provider where it takes one.
    /// </summary>
    Task<SendOutcome> Send(OutgoingText message, CancellationToken cancellationToken);
}
