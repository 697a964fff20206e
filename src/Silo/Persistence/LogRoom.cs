namespace MutualAid.Silo.Persistence;

/// <summary>
/// When a numbered log of changes (the board's; the outbox's, which never lets it fall below an
/// eighth of its open messages) has grown enough that the whole state should be written instead. A
/// log write carries every change logged since the whole state was last written (on average half of
/// the room), and the whole state is written once per room's worth of changes, so with W items in
/// the whole state and c changes a write, a write costs about room/2 + W·c/room items, least at
/// room = √(2·W·c): with 2,000 items and 2 changes a write, about 90 items a write, where a fixed room
/// of 250 cost 125 and one of W/8 more as W grew. The changes a write carries are measured as they
/// come (a busy grain's batches are larger).
/// </summary>
internal sealed class LogRoom(int minimum)
{
    private double changesPerWrite = 4;

    /// <summary>How many changes the log may hold for a whole state of <paramref name="whole"/> items.</summary>
    public int For(int whole) => Math.Max(minimum, (int)Math.Sqrt(2.0 * whole * changesPerWrite));

    /// <summary>A write carried <paramref name="changes"/> changes (logged or whole).</summary>
    public void Wrote(int changes)
    {
        if (changes > 0) changesPerWrite = 0.9 * changesPerWrite + 0.1 * changes;
    }
}
