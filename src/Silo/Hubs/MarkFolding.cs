using MutualAid.Requests;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// Folds the marks of requests no longer on the board (closed, or moved to another hub) into
/// counts by status, oldest change first, keeping the newest <c>keep</c> of them: those stay to
/// recognise a late or repeated notice exactly. What a write carries then no longer grows with
/// every request the hub has ever seen. In memory, rebuilt from the state on activation.
/// </summary>
internal sealed class MarkFolding
{
    // Priority = the change time the mark had when it was queued; an entry whose mark has changed
    // since (a newer notice queued it again) is stale and skipped.
    private readonly PriorityQueue<Guid, DateTimeOffset> offBoard = new();

    /// <summary>Queues every mark off the board. Marks kept before their time was recorded take the best time known for them.</summary>
    public void Rebuild(HubState state)
    {
        offBoard.Clear();
        foreach (var (id, mark) in state.Marks.ToArray())
        {
            if (state.Open.ContainsKey(id)) continue;
            var at = mark.At;
            if (at == default)
            {
                // The hub's last change is no earlier than any change it was told of.
                at = state.RecentlyChanged.TryGetValue(id, out var changed) ? changed : state.UpdatedAt;
                state.Marks[id] = mark with { At = at };
            }

            offBoard.Enqueue(id, at);
        }
    }

    /// <summary>Notes that a request left the board (or changed while off it) with this mark.</summary>
    public void Left(Guid requestId, RequestMark mark) => offBoard.Enqueue(requestId, mark.At);

    /// <summary>
    /// Folds the oldest marks off the board until at most <paramref name="keep"/> remain, telling
    /// <paramref name="left"/> of each (its row left). Answers how many were folded.
    /// </summary>
    public int Fold(HubState state, int keep, Action<Guid>? left = null)
    {
        var folded = 0;
        while (state.Marks.Count - state.Open.Count > keep && offBoard.TryDequeue(out var id, out var at))
        {
            if (state.Open.ContainsKey(id) || !state.Marks.TryGetValue(id, out var mark) || mark.At != at) continue;
            state.Marks.Remove(id);
            left?.Invoke(id);
            state.Folded[mark.Status] = state.Folded.GetValueOrDefault(mark.Status) + 1;
            if (at > state.FoldedUpTo) state.FoldedUpTo = at;
            folded++;
        }

        // Stale entries pile up only when off-board requests keep changing; start afresh if they do.
        if (offBoard.Count > 4 * (state.Marks.Count - state.Open.Count) + 1024) Rebuild(state);
        return folded;
    }
}
