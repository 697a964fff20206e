using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Silo.Sqlite.Storage;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Hubs;

[GenerateSerializer, Alias("MutualAid.Silo.HubState")]
public sealed class HubState : IErasableState
{
    [Id(0)] public HubSettings? Settings { get; set; }

    /// <summary>Board version: bumped once per applied change, never reused, survives restarts.</summary>
    [Id(1)] public long Version { get; set; }

    /// <summary>Summaries of the requests currently open on the board.</summary>
    [Id(2)] public Dictionary<Guid, RequestSummary> Open { get; set; } = [];

    /// <summary>Latest known version and status of every request the hub has seen, open or closed.</summary>
    [Id(3)] public Dictionary<Guid, RequestMark> Marks { get; set; } = [];

    /// <summary>Duplicate-matching keys of open requests. Never leaves this grain.</summary>
    [Id(4)] public Dictionary<Guid, string> ContactKeys { get; set; } = [];

    [Id(5)] public Dictionary<Guid, VolunteerSummary> Volunteers { get; set; } = [];

    [Id(6)] public Dictionary<Guid, OfferSummary> Offers { get; set; } = [];

    /// <summary>
    /// Offer versions, including closed offers, so a late notice cannot resurrect one: those off the
    /// board beyond the newest <see cref="HubGrain.KeptClosedOffers"/> are trimmed (see <see cref="OfferVersionTrimming"/>).
    /// </summary>
    [Id(7)] public Dictionary<Guid, int> OfferVersions { get; set; } = [];

    /// <summary>
    /// Where a hub stored before it counted fulfilments by day kept one time per fulfilment:
    /// counted into <see cref="FulfilledThatDay"/> by the next activation, then emptied.
    /// </summary>
    [Id(8)] public List<DateTimeOffset> RecentFulfilments { get; set; } = [];

    [Id(9)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Where the person index was kept before it had its own state (<see cref="HubPeopleState"/>):
    /// read only from a hub stored then, and moved out by its next activation.
    /// </summary>
    [Id(10)] public Dictionary<string, List<Guid>> People { get; set; } = [];

    /// <summary>
    /// Where a hub stored before its marks had a time (<see cref="RequestMark.At"/>) kept when requests
    /// changed, for handovers: read once on activation for such marks, then emptied. The marks answer
    /// handovers now, so a write no longer carries two days of every request that changed.
    /// </summary>
    [Id(11)] public Dictionary<Guid, DateTimeOffset> RecentlyChanged { get; set; } = [];

    /// <summary>
    /// Requests whose marks were folded away (no longer on this board, beyond the newest
    /// <see cref="HubGrain.KeptClosedMarks"/>), counted by the status their mark had: the board's
    /// counts are these plus the marks. Keeps a write's size flat in the number of requests ever seen.
    /// </summary>
    [Id(70)] public Dictionary<RequestStatus, int> Folded { get; set; } = [];

    /// <summary>
    /// The latest change time of any folded mark. A notice about a request the hub does not know,
    /// changed no later than this, is a folded request announcing itself again (on reactivation):
    /// it was counted already.
    /// </summary>
    [Id(71)] public DateTimeOffset FoldedUpTo { get; set; }

    /// <summary>The start of the hub's local day <see cref="FulfilledThatDay"/> counts; a count, so a busy day's writes do not grow.</summary>
    [Id(72)] public DateTimeOffset FulfilledDayStart { get; set; }

    /// <summary>Requests fulfilled in the local day starting at <see cref="FulfilledDayStart"/>.</summary>
    [Id(73)] public int FulfilledThatDay { get; set; }

    /// <summary>The number of the last <see cref="BoardLogEntry"/> this board holds; later ones are in the log ("hub-log").</summary>
    [Id(74)] public long LoggedThrough { get; set; }

    /// <summary>Asks the store for one erasing write; never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

[GenerateSerializer, Immutable, Alias("MutualAid.Silo.RequestMark")]
public sealed record RequestMark([property: Id(0)] int Version, [property: Id(1)] RequestStatus Status)
{
    /// <summary>When the request last changed (its own clock); the default for marks kept before this was recorded.</summary>
    [Id(70)] public DateTimeOffset At { get; init; }
}
