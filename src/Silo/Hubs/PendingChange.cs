using MutualAid.Board;

namespace MutualAid.Silo.Hubs;

/// <summary>A change applied in memory, waiting for the write, with the board version it belongs to.</summary>
internal readonly record struct PendingChange(long Version, BoardChange? Change);
