using MutualAid.Requests;
using MutualAid.Silo.Sqlite.Storage;

namespace MutualAid.Silo.Requests;

[GenerateSerializer, Alias("MutualAid.Silo.RequestState")]
public sealed class RequestState : IErasableState
{
    /// <summary>The whole current truth; replaced (never mutated) on each change.</summary>
    [Id(0)] public RequestView? View { get; set; }

    /// <summary>Append-only history.</summary>
    [Id(1)] public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>When the request last started waiting for a volunteer: the hub's deadline counts from here.</summary>
    [Id(2)] public DateTimeOffset? WaitingSince { get; set; }

    /// <summary>Whether the durable "deadline" reminder is registered, so commands don't touch the reminder table needlessly.</summary>
    [Id(3)] public bool DeadlineArmed { get; set; }

    /// <summary>Whether the durable "claim" reminder is registered.</summary>
    [Id(4)] public bool ClaimArmed { get; set; }

    /// <summary>Audit trails of duplicates merged into this request, by their reference code.</summary>
    [Id(5)] public Dictionary<string, List<AuditEntry>> MergedAudits { get; set; } = [];

    /// <summary>The assignment (volunteer and when it was offered) whose sight of the contact details is already in the audit.</summary>
    [Id(20)] public string? RevealRecordedFor { get; set; }

    /// <summary>
    /// The hub this request last moved away from. Written with the move, so a restart that loses the
    /// in-memory notice still tells that board to drop it (two boards must never both show it).
    /// </summary>
    [Id(21)] public string? MovedFrom { get; set; }

    /// <summary>
    /// Messages decided with the changes written here and not yet acknowledged by the hub's outbox
    /// (handed again after a restart; the outbox keeps one per key).
    /// </summary>
    [Id(22)] public List<MutualAid.Notifications.OutboundMessage> Outgoing { get; set; } = [];

    /// <summary>
    /// The claims (volunteer and when each was taken, space-separated: one per place of a pair) whose
    /// "about to lapse" warning is already decided. A string still, so a state holding one mark reads as before.
    /// </summary>
    [Id(23)] public string? LapseWarnedFor { get; set; }

    /// <summary>
    /// The contact log, oldest first. Private to the hub's dispatchers (and the volunteer for entries
    /// marked for them); replaced, never mutated, so a copy may share it.
    /// </summary>
    [Id(40)] public List<CaseNote> Notes { get; set; } = [];

    /// <summary>Thank-yous already passed to the volunteer, by note id (a repeated one is not passed twice).</summary>
    [Id(120)] public List<Guid> ThanksSent { get; set; } = [];
    /// <summary>Whether the durable "arrival-alarm" reminder is registered (Id 110 up: arrivals).</summary>
    [Id(110)] public bool ArrivalArmed { get; set; }
    /// <summary>The closed status of the last reopen, told to the hub: one that folded the request into its counts takes it back out.</summary>
    [Id(70)] public RequestStatus? ReopenedFrom { get; set; }

    /// <summary>
    /// The hubs whose outboxes were handed this request's messages (Ids 130-139: erasure in the
    /// outboxes), so an erasure reaches every one. Empty for a request stored before it was kept:
    /// its erasure reaches its hub and the one it moved from.
    /// </summary>
    [Id(130)] public List<string> OutboxHubs { get; set; } = [];

    /// <summary>Outboxes still to forget this request's messages after an erasure, delivered as its notices are.</summary>
    [Id(131)] public List<string> OutboxErasures { get; set; } = [];

    /// <summary>The version the personal data was erased at: the messages decided before it leave the outboxes.</summary>
    [Id(132)] public int? ErasedVersion { get; set; }

    /// <summary>
    /// What the region and the network (and, after an erasure, the series the request came from) are
    /// owed by the changes written here and have not yet acknowledged (Ids 140-149: region and network
    /// deliveries): at most one per receiver, the latest. Delivered after the write, again on
    /// activation and by the notice reminder; empty for a request stored before it was kept.
    /// </summary>
    [Id(140)] public List<UpstreamNotice> Upstream { get; set; } = [];

    /// <summary>The next state for a command to fill and write: the live one stays as it was if the write fails.</summary>
    public RequestState Copy()
    {
        var next = (RequestState)MemberwiseClone();
        next.Audit = [.. Audit];
        next.MergedAudits = new(MergedAudits);
        next.Outgoing = [.. Outgoing];
        next.ThanksSent = [.. ThanksSent];
        next.OutboxHubs = [.. OutboxHubs];
        next.OutboxErasures = [.. OutboxErasures];
        next.Upstream = [.. Upstream];
        return next;
    }

    /// <summary>Asks the store for one erasing write; never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}
