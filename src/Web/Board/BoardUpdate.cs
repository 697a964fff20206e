using MutualAid.Board;

namespace MutualAid.Web.Board;

/// <summary>
/// What a board receives: the board as it now is, plus the delta that made it so (null when the
/// board was replaced by a fresh snapshot after a gap, a reconnect or a silo restart).
/// </summary>
public sealed record BoardUpdate(BoardSnapshot Board, BoardDelta? Delta);
