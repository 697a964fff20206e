namespace MutualAid.Web.Notifications.Channels;

/// <summary>What a channel made of one send.</summary>
/// <param name="Sent">The provider took the message.</param>
/// <param name="Permanent">Retrying will not help (bad number, STOP received, provider refused the address).</param>
/// <param name="ProviderId">The provider's id for the message (Twilio's SID, the SMTP queue id), for the outbox.</param>
/// <param name="Error">Why it was not sent, for the coordinators' outbox view (never contains the message body).</param>
public sealed record SendOutcome(bool Sent, bool Permanent, string? ProviderId, string? Error)
{
    public static SendOutcome Delivered(string? providerId) => new(true, false, providerId, null);

    public static SendOutcome Retry(string error) => new(false, false, null, error);

    public static SendOutcome GiveUp(string error) => new(false, true, null, error);
}
