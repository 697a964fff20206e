namespace MutualAid.Silo.Persistence;

/// <summary>
/// The one replay of a numbered log of changes kept beside a whole state (the board's, its person
/// index's, the outbox's): the whole state records the number of the last change it holds, so a
/// crash between writing it and the log's next write leaves changes the log still holds but the
/// whole state already has. Those are dropped; the later ones are applied in order.
/// </summary>
internal static class NumberedLog
{
    /// <summary>
    /// Applies the entries numbered after <paramref name="through"/>, oldest first, and removes the
    /// rest from <paramref name="entries"/>. Answers the last number ever used (never below
    /// <paramref name="through"/>, so a new entry is numbered after everything the whole state holds)
    /// and whether any were removed (the stored log still holds them).
    /// </summary>
    public static (long LastNumber, bool Dropped) Replay<T>(List<T> entries, long lastNumber, long through, Func<T, long> numberOf, Action<T> apply)
    {
        foreach (var entry in entries)
        {
            if (numberOf(entry) > through) apply(entry);
        }

        var dropped = entries.RemoveAll(e => numberOf(e) <= through) > 0;
        return (Math.Max(lastNumber, through), dropped);
    }
}
