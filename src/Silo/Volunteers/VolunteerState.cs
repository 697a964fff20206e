using MutualAid.Silo.Sqlite.Storage;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Volunteers;

[GenerateSerializer, Alias("MutualAid.Silo.VolunteerState")]
public sealed class VolunteerState : IErasableState
{
    [Id(0)] public VolunteerProfile? Profile { get; set; }
    [Id(1)] public int Version { get; set; }
    [Id(2)] public bool OnDuty { get; set; }
    [Id(3)] public List<Reservation> Reservations { get; set; } = [];
    [Id(4)] public List<TimeBankEntry> TimeBank { get; set; } = [];
    [Id(5)] public DateTimeOffset? LastCheckIn { get; set; }
    [Id(6)] public List<VolunteerNotice> Notices { get; set; } = [];

    /// <summary>The sign-in account bound to this volunteer (normalised email); null for imported volunteers not yet invited.</summary>
    [Id(7)] public string? AccountEmail { get; set; }

    /// <summary>When they gave back a claim they had seen the contact details of (the last hour's worth matters).</summary>
    [Id(20)] public List<DateTimeOffset> GiveBacks { get; set; } = [];

    /// <summary>Why they may not claim until a coordinator clears it; null when they may.</summary>
    [Id(21)] public Common.Phrase? ClaimsHeld { get; set; }

    /// <summary>Who held and cleared their claiming, and why: the volunteer's own trail.</summary>
    [Id(22)] public List<MutualAid.Requests.AuditEntry> Audit { get; set; } = [];

    /// <summary>The phone match key the phone index points at this volunteer for (what to let go when it changes).</summary>
    [Id(23)] public string? IndexedPhone { get; set; }

    /// <summary>The job they were last given or took, kept after it ends so a late "YES" by text can be told it lapsed.</summary>
    [Id(24)] public Reservation? LastReservation { get; set; }

    /// <summary>Messages decided here (a coordinator's) that a hub's outbox has not acknowledged yet.</summary>
    [Id(25)] public List<MutualAid.Notifications.OutboundMessage> Outgoing { get; set; } = [];

    /// <summary>Their account is disabled: off duty, and refused every new job until it is enabled.</summary>
    [Id(26)] public bool Suspended { get; set; }

    /// <summary>Thank-yous for their jobs, oldest first (the latest few hundred; a hub's month counts from them).</summary>
    [Id(120)] public List<MutualAid.Thanks.ThankYouNote> Thanks { get; set; } = [];
    /// <summary>Banked jobs from before the previous week, as weekly totals per hub (see <see cref="TimeBankFolding"/>).</summary>
    [Id(70)] public List<WeekTotal> PastWeeks { get; set; } = [];

    /// <summary>Asks the store for one erasing write; never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }

    /// <summary>Days other hubs of the region asked to borrow this volunteer (Ids 150-159: regions that share).</summary>
    [Id(150)] public List<VolunteerLoan> Loans { get; set; } = [];

    /// <summary>The hubs the volunteer was last announced to as lent, so the day's end takes them off those boards.</summary>
    [Id(151)] public List<string> LentTo { get; set; } = [];

    /// <summary>
    /// Outboxes still to forget the messages to this volunteer after their erasure (Ids 160-169:
    /// erasure in the outboxes), told as the boards are (<see cref="Hubs.HubDelivery"/>).
    /// </summary>
    [Id(160)] public List<string> OutboxErasures { get; set; } = [];

    /// <summary>
    /// Every request that reserved their time: each names them in its history, so erasing them
    /// must reach it. Ids only. An erasure that stops part-way stops before the volunteer's own
    /// write, so erasing again still finds them all; that write empties it, the requests told.
    /// State from before it was kept adds the requests of their time bank.
    /// </summary>
    [Id(170)] public List<Guid> NamedIn { get; set; } = [];
}
