namespace MutualAid.Notifications;

/// <summary>
/// Where a message reaches a person. Every message is on the person's own page; SMS and email are
/// extra ways out when a provider is configured and the person chose them.
/// </summary>
[GenerateSerializer, Alias("MutualAid.Channel")]
public enum Channel
{
    Page = 0,
    Sms = 1,
    Email = 2,
}
