using MutualAid.Notifications;

namespace MutualAid.Web.Notifications;

/// <summary>
/// A person's own messages across the hubs that may have written to them, newest first: what their
/// page shows (whatever the channels did) and what `/status` can read for a requester.
/// </summary>
public static class PersonalMessages
{
    public static async Task<IReadOnlyList<OutboxEntry>> For(IGrainFactory grains, Recipient recipient, IEnumerable<string> hubs, int max)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var found = await Task.WhenAll(hubs.Distinct(StringComparer.Ordinal).Select(h => grains.GetGrain<IOutboxGrain>(h).ForRecipient(recipient, max)));
        return [.. found.SelectMany(e => e).OrderByDescending(e => e.Message.DecidedAt).Take(max)];
    }
}
