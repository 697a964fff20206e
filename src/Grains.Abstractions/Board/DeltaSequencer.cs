namespace MutualAid.Board;

/// <summary>
/// Puts deltas back into version order. The hub publishes strictly in order, but one-way
/// observer calls may be dispatched concurrently on the receiving side, so a receiver can see
/// v12 before v11. Deltas are held until their predecessor arrives; one still missing after a
/// short wait is a real gap and the receiver must resync from a snapshot. Not thread-safe:
/// callers serialise access (one lock per board).
/// </summary>
public sealed class DeltaSequencer(long snapshotVersion)
{
    private readonly SortedDictionary<long, (BoardDelta Delta, DateTimeOffset At)> pending = [];

    /// <summary>A version the hub said it is at that no delta has brought us to yet, and since when.</summary>
    private (long Version, DateTimeOffset At)? expected;

    /// <summary>The version every delta released so far brings the board to.</summary>
    public long Version { get; private set; } = snapshotVersion;

    public int Pending => pending.Count;

    /// <summary>Accepts a delta and returns the deltas (possibly none) that can now be applied, in order.</summary>
    /// <remarks>Held by the first version they cover: a merged delta is released once the board reaches any version it covers.</remarks>
    public IReadOnlyList<BoardDelta> Accept(BoardDelta delta, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.Version <= Version) return [];
        pending.TryAdd(delta.FirstVersion(), (delta, now));
        List<BoardDelta>? ready = null;
        while (pending.Count > 0 && pending.First() is { Key: var first, Value.Delta: var next } && first <= Version + 1)
        {
            pending.Remove(first);
            if (next.Version <= Version) continue; // all of it already applied
            (ready ??= []).Add(next);
            Version = next.Version;
        }

        if (expected is { } e && Version >= e.Version) expected = null;
        return ready ?? (IReadOnlyList<BoardDelta>)[];
    }

    /// <summary>
    /// The hub says it is at <paramref name="version"/> (the snapshot of a periodic re-subscription)
    /// while the deltas so far bring us only to <see cref="Version"/>. Usually those deltas are on
    /// their way: the hub counts a change when it applies it, before its write and its publish. So
    /// they are awaited like a missing predecessor, and only if they do not come within the
    /// patience is it a gap (a hub that restarted, or dropped this subscriber, sends them never).
    /// </summary>
    public void Expect(long version, DateTimeOffset now)
    {
        if (version <= Version) return;
        expected = expected is { } e ? (Math.Max(e.Version, version), e.At) : (version, now);
    }

    /// <summary>
    /// True when a delta has waited longer than <paramref name="patience"/> for a predecessor that
    /// never came, or a version the hub announced (<see cref="Expect"/>) has not been reached.
    /// </summary>
    public bool HasGap(DateTimeOffset now, TimeSpan patience) =>
        (pending.Count > 0 && now - pending.First().Value.At > patience) || (expected is { } e && now - e.At > patience);

    /// <summary>After a resync: drop what the new snapshot already contains, keep what is newer.</summary>
    public IReadOnlyList<BoardDelta> Reset(long snapshotVersion, DateTimeOffset now)
    {
        Version = snapshotVersion;
        if (expected is { } e && Version >= e.Version) expected = null;
        var newer = pending.Values.Where(p => p.Delta.Version > snapshotVersion).Select(p => p.Delta).ToList();
        pending.Clear();
        return newer.SelectMany(d => Accept(d, now)).ToList();
    }
}
