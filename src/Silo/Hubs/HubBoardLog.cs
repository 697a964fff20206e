using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Silo.Sqlite.Storage;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// The board's changes since it was last written whole ("hub-log"): a batch writes the rows it changed,
/// not every open request, mark and volunteer row the hub holds (124 KB a write with 600 volunteers,
/// half of all the bytes a lifecycle made SQLite write; issue 18). The whole board is written again
/// when the log has grown to about what that costs (<see cref="BoardRows.Room"/>), on activation, on
/// a change of settings and on an erasure. Each entry holds the rows as they then stood, numbered so
/// activation replays only what the whole board lacks. Never leaves the hub grain.
/// </summary>
[GenerateSerializer, Alias("MutualAid.Silo.HubBoardLog")]
public sealed class HubBoardLog : IErasableState
{
    /// <summary>Batches not yet in the stored whole board, oldest first.</summary>
    [Id(0)] public List<BoardLogEntry> Entries { get; set; } = [];

    /// <summary>The number of the last entry ever logged; numbers never repeat.</summary>
    [Id(1)] public long LastNumber { get; set; }

    /// <summary>Asks the store for one erasing write (an erasure: older entries may hold what left); never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

/// <summary>
/// One batch: the board's counters as they stood after it, and each row it touched as it now stands
/// (null where the row left). Rows, not board changes: folding a mark or a repeated notice changes
/// what is kept without changing what a board shows.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.BoardLogEntry")]
public sealed record BoardLogEntry(
    [property: Id(0)] long Number,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset UpdatedAt,
    [property: Id(3)] Dictionary<RequestStatus, int> Folded,
    [property: Id(4)] DateTimeOffset FoldedUpTo,
    [property: Id(5)] DateTimeOffset FulfilledDayStart,
    [property: Id(6)] int FulfilledThatDay,
    [property: Id(7)] RequestRow[] Requests,
    [property: Id(8)] VolunteerRow[] Volunteers,
    [property: Id(9)] OfferRow[] Offers)
{
    public int Rows => Requests.Length + Volunteers.Length + Offers.Length;
}

/// <summary>A request's mark, board row and duplicate-matching key, each null where the board no longer holds it.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.RequestRow")]
public sealed record RequestRow([property: Id(0)] Guid Id, [property: Id(1)] RequestMark? Mark, [property: Id(2)] RequestSummary? Open, [property: Id(3)] string? ContactKey);

[GenerateSerializer, Immutable, Alias("MutualAid.Silo.VolunteerRow")]
public sealed record VolunteerRow([property: Id(0)] Guid Id, [property: Id(1)] VolunteerSummary? Row);

/// <summary>An offer's last known version (kept after it closes) and its board row, null once off the board.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.OfferRow")]
public sealed record OfferRow([property: Id(0)] Guid Id, [property: Id(1)] int? Version, [property: Id(2)] OfferSummary? Row);
