using MutualAid.Common;

namespace MutualAid.Web.Notifications.Channels;

/// <summary>What a channel made of one send.</summary>
/// <param name="Sent">The provider took the message.</param>
/// <param name="Permanent">Retrying will not help (bad number, STOP received, provider refused the address).</param>
/// <param name="ProviderId">The provider's id for the message (Twilio's SID, the SMTP queue id), for the outbox.</param>
/// <param name="Error">Why it was not sent, for logs and, as the provider said it, the coordinators' outbox view (never contains the message body).</param>
public sealed record SendOutcome(bool Sent, bool Permanent, string? ProviderId, string? Error)
{
    /// <summary>A reason of our own rather than the provider's words, so the outbox says it in its reader's language.</summary>
    public Phrase? Said { get; init; }

    public static SendOutcome Delivered(string? providerId) => new(true, false, providerId, null);

    public static SendOutcome Retry(string error) => new(false, false, null, error);

    public static SendOutcome GiveUp(string error) => new(false, true, null, error);

    public static SendOutcome GiveUp(Phrase said) => new(false, true, null, said.ToString()) { Said = said };
}
