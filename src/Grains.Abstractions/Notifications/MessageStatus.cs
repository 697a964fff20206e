namespace MutualAid.Notifications;

[GenerateSerializer, Alias("MutualAid.MessageStatus")]
public enum MessageStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>No channel the person chose is configured (or they chose none): it is on their page only.</summary>
    PageOnly = 3,

    /// <summary>Not critical, decided in quiet hours: it goes when they end.</summary>
    WaitingForQuietHours = 4,
}
