using MutualAid.Notifications;

namespace MutualAid.Silo.Notifications;

/// <summary>
/// How an entity grain gets the messages it wrote into its own state to its hubs' outboxes:
/// each outbox is one more target of the entity's <see cref="Hubs.HubDelivery"/> ("outbox:slug";
/// slugs never hold a colon), so it is retried, survives a crash through the same reminder, and
/// is handed again on activation. What an outbox acknowledged is remembered here and leaves the
/// entity's state with its next write; the outbox keeps one message per key, so a re-hand is harmless.
/// </summary>
internal sealed class OutboxHanding(IGrainFactory grains)
{
    private const string Prefix = "outbox:";

    /// <summary>An outbox to forget an erased person's messages ("outbox-forget:slug").</summary>
    private const string ForgetPrefix = "outbox-forget:";

    private readonly HashSet<string> acknowledged = new(StringComparer.Ordinal);
    private readonly HashSet<string> forgotten = new(StringComparer.Ordinal);
    private readonly Hosting.KeyedGrains<IOutboxGrain> outboxes = new(grains);

    /// <summary>The messages still to keep in the state: those no outbox has acknowledged.</summary>
    public List<OutboundMessage> Unacknowledged(IEnumerable<OutboundMessage> pending) => [.. pending.Where(m => !acknowledged.Contains(m.Key))];

    /// <summary>Delivery targets for the outboxes that still owe an acknowledgement.</summary>
    public IEnumerable<string> Targets(IEnumerable<OutboundMessage> pending) =>
        pending.Where(m => !acknowledged.Contains(m.Key)).Select(m => Prefix + m.Hub).Distinct(StringComparer.Ordinal);

    public static bool IsOutbox(string target, out string hub) => Names(target, Prefix, out hub);

    private static bool Names(string target, string prefix, out string hub)
    {
        var yes = target.StartsWith(prefix, StringComparison.Ordinal);
        hub = yes ? target[prefix.Length..] : "";
        return yes;
    }

    /// <summary>The outboxes still to forget an erased person: those that have not answered yet.</summary>
    public List<string> Unforgotten(IEnumerable<string> hubs) => [.. hubs.Where(h => !forgotten.Contains(h))];

    public IEnumerable<string> ForgetTargets(IEnumerable<string> hubs) => Unforgotten(hubs).Select(h => ForgetPrefix + h);

    public static bool IsForgetting(string target, out string hub) => Names(target, ForgetPrefix, out hub);

    /// <summary>
    /// Tells the hub's outbox to forget an erased person's messages (<see cref="IOutboxGrain.Forget"/>
    /// or <see cref="IOutboxGrain.ForgetRecipient"/>); completes once it has written that.
    /// </summary>
    public async Task Forget(string hub, Func<IOutboxGrain, Task> forget)
    {
        await forget(outboxes[hub]);
        forgotten.Add(hub);
    }

    /// <summary>Hands the hub's outbox what is waiting for it; completes once the outbox has written them.</summary>
    public async Task Hand(string hub, IEnumerable<OutboundMessage> pending)
    {
        var batch = pending.Where(m => m.Hub == hub && !acknowledged.Contains(m.Key)).ToArray();
        if (batch.Length == 0) return;
        await outboxes[hub].Enqueue(batch);
        acknowledged.UnionWith(batch.Select(m => m.Key));
    }
}
