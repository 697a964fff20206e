namespace MutualAid.Silo.Hubs;

/// <summary>
/// Trims the versions of offers no longer on the board (closed, or moved to another hub), those
/// that left first going first, keeping the newest <c>keep</c>: those stay to recognise a late or
/// out-of-order notice exactly, as <see cref="MarkFolding"/> keeps request marks. What a write
/// carries, and the log's room, then no longer grow with every offer the hub has ever seen. In
/// memory, rebuilt from the state on activation.
/// </summary>
internal sealed class OfferVersionTrimming
{
    // Priority = the order the offer left in; an entry whose offer left again since (moved back and
    // off once more) is stale and skipped, so an offer is trimmed by its latest leaving.
    private readonly PriorityQueue<Guid, long> offBoard = new();
    private readonly Dictionary<Guid, long> leftAs = [];
    private long leavings;

    /// <summary>Queues every offer off the board; their order is lost with the activation, so any order will do.</summary>
    public void Rebuild(HubState state)
    {
        offBoard.Clear();
        leftAs.Clear();
        foreach (var id in state.OfferVersions.Keys)
        {
            if (!state.Offers.ContainsKey(id)) Left(id);
        }
    }

    /// <summary>Notes that an offer left the board (or changed while off it).</summary>
    public void Left(Guid offerId)
    {
        leftAs[offerId] = ++leavings;
        offBoard.Enqueue(offerId, leavings);
    }

    /// <summary>
    /// Trims the versions of the offers that left first until at most <paramref name="keep"/> off the
    /// board remain, telling <paramref name="trimmed"/> of each (its row left). Answers how many were trimmed.
    /// </summary>
    public int Trim(HubState state, int keep, Action<Guid>? trimmed = null)
    {
        var count = 0;
        while (state.OfferVersions.Count - state.Offers.Count > keep && offBoard.TryDequeue(out var id, out var leaving))
        {
            if (!leftAs.TryGetValue(id, out var latest) || latest != leaving) continue;
            leftAs.Remove(id);
            if (state.Offers.ContainsKey(id) || !state.OfferVersions.Remove(id)) continue;
            trimmed?.Invoke(id);
            count++;
        }

        // Stale entries pile up only when offers off the board keep changing (one moved away still
        // tells the hub it left); start afresh if they do.
        if (offBoard.Count > 4 * leftAs.Count + 1024) Rebuild(state);
        return count;
    }
}
