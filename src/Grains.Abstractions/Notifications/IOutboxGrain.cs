namespace MutualAid.Notifications;

/// <summary>
/// A hub's durable outbox, keyed by hub slug. Entity grains hand it what they decided; web
/// front-ends take due messages under a lease, send them and report back. It never calls an
/// entity grain (only the directory, and reads its hub's settings), so it closes no cycle.
/// </summary>
[Alias("MutualAid.IOutboxGrain")]
public interface IOutboxGrain : IGrainWithStringKey
{
    /// <summary>Idempotent by <see cref="OutboundMessage.Key"/>: a message handed again changes nothing.</summary>
    [Alias("Enqueue")] Task Enqueue(IReadOnlyList<OutboundMessage> messages);

    /// <summary>
    /// Up to <paramref name="max"/> due messages, leased to <paramref name="senderId"/> so no other
    /// front-end sends them until the lease runs out (then another may: at least once).
    /// </summary>
    [Alias("TakeDue")] Task<IReadOnlyList<OutboxEntry>> TakeDue(string senderId, int max);

    /// <summary>The outcome of a leased message; a report from a sender that lost the lease is ignored.</summary>
    [Alias("Report")] Task Report(string key, DeliveryReport report);

    /// <summary>
    /// Several outcomes in one call, kept by one write: a sender that finished a batch quickly
    /// (messages shown on the person's page only) reports it so, rather than a write per message.
    /// Each report is taken as <see cref="Report(string, DeliveryReport)"/> takes it.
    /// </summary>
    [Alias("ReportMany")] Task Report(IReadOnlyList<MessageReport> reports);

    /// <summary>A coordinator sends a finished message again (now, even in quiet hours: someone chose to).</summary>
    [Alias("Resend")] Task<Common.Result<OutboxEntry>> Resend(string key, Common.Actor actor);

    /// <summary>Newest first, for the coordinators' view.</summary>
    [Alias("Recent")] Task<IReadOnlyList<OutboxEntry>> Recent(int max);

    /// <summary>One person's messages, newest first: their own page shows these.</summary>
    [Alias("ForRecipient")] Task<IReadOnlyList<OutboxEntry>> ForRecipient(Recipient recipient, int max);

    /// <summary>
    /// A request's personal data was erased at <paramref name="erasedVersion"/>: its messages decided at
    /// earlier versions leave this outbox, unsent or not, and their keys alone stay so a re-hand is not
    /// taken for a new message. Their words held the area, the history the name of who they reached.
    /// The erasure's own (a volunteer told the job was taken away) and later ones stay. Idempotent.
    /// </summary>
    [Alias("Forget")] Task Forget(Guid requestId, int erasedVersion);

    /// <summary>
    /// A volunteer's personal data was erased: every message to them leaves this outbox (a finished
    /// one holds the name it reached), keys alone staying, as <see cref="Forget"/> does. Idempotent.
    /// </summary>
    [Alias("ForgetRecipient")] Task ForgetRecipient(Recipient recipient);

    /// <summary>
    /// A volunteer is being erased: the messages that name them leave this outbox, as with
    /// <see cref="Forget"/>: those to the people who asked for <paramref name="requests"/> (which
    /// give their first name) and those to the hub's coordinators (their full name). Idempotent.
    /// </summary>
    [Alias("ForgetNamed")] Task ForgetNamed(IReadOnlyList<Guid> requests, IReadOnlyList<string> names);

    /// <summary>
    /// The hub now keeps <paramref name="timeZoneId"/>: what is decided from now on is timed by it, and
    /// messages waiting out the quiet hours are judged again by it (they go now if the hub's night is
    /// over). Told by whoever changed the hub's settings, after the hub kept them: the hub itself never
    /// calls an outbox, which reads the hub's settings. Idempotent.
    /// </summary>
    [Alias("ZoneChanged")] Task ZoneChanged(string timeZoneId);
}
