namespace MutualAid.Board;

/// <summary>
/// An ordered step of a hub's board: applying deltas Version = n+1, n+2, … to a snapshot at n
/// reproduces the board. A receiver that sees a gap must fetch a fresh snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.BoardDelta")]
public sealed record BoardDelta(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<BoardChange> Changes,
    [property: Id(3)] BoardCounts Counts);
