namespace MutualAid.Notifications;

/// <summary>
/// Which hubs' outboxes have messages not yet finished, so senders ask only those (no polling of
/// every hub). Outboxes tell it when they gain or lose open work; a listed hub with nothing due
/// costs one empty call.
/// </summary>
[Alias("MutualAid.IOutboxDirectoryGrain")]
public interface IOutboxDirectoryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    [Alias("SetOpen")] Task SetOpen(string hubSlug, bool hasOpenMessages);

    [Alias("HubsWithOpenMessages")] Task<IReadOnlyList<string>> HubsWithOpenMessages();
}
