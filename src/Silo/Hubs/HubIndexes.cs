using MutualAid.Requests;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// In-memory indexes derived from <see cref="HubState"/> on activation and kept in step with it,
/// so a notice costs the same whether the hub has seen ten requests or a hundred thousand.
/// Never persisted: the state they are derived from is.
/// </summary>
internal sealed class HubIndexes
{
    private readonly Dictionary<RequestStatus, int> byStatus = [];
    private readonly Dictionary<Guid, string> personOf = [];

    public void Rebuild(HubState state, HubPeopleState people)
    {
        byStatus.Clear();
        foreach (var mark in state.Marks.Values) Count(mark.Status, +1);
        foreach (var (status, count) in state.Folded) Count(status, count);
        personOf.Clear();
        foreach (var (key, ids) in people.People)
        {
            foreach (var id in ids) personOf[id] = key;
        }
    }

    /// <summary>Records the latest mark of a request and keeps the status counts in step.</summary>
    public void Mark(HubState state, Guid requestId, RequestMark mark)
    {
        if (state.Marks.TryGetValue(requestId, out var old)) Count(old.Status, -1);
        state.Marks[requestId] = mark;
        Count(mark.Status, +1);
    }

    /// <summary>Whether the hub has filed this request under a person: it has seen it, even if its mark was folded since.</summary>
    public bool HasSeen(Guid requestId) => personOf.ContainsKey(requestId);

    /// <summary>
    /// A folded request is back (reopened, or changed while closed): its old status leaves the
    /// folded counts, as its new mark will count it. Unknown when it was folded before the notice
    /// said what it was (<paramref name="was"/> null): nothing to take back then.
    /// </summary>
    public void Unfold(HubState state, RequestStatus? was)
    {
        if (was is not { } status || state.Folded.GetValueOrDefault(status) <= 0) return;
        state.Folded[status]--;
        Count(status, -1);
    }

    /// <summary>
    /// Files a request under its person's key, and logs the filing for the next write; a request
    /// without a key (erased, or moved away) leaves the index. Answers whether the index changed, and
    /// whether an old key left it (part of someone's phone or email is no longer kept: the whole
    /// index must be written again, and the log, which may hold the key, scrubbed).
    /// </summary>
    public (bool Changed, bool Dropped) IndexPerson(HubPeopleState people, HubPeopleLog log, Guid requestId, string? contactKey)
    {
        var index = people.People;
        var known = personOf.TryGetValue(requestId, out var oldKey);
        if (known && oldKey == contactKey) return (false, false);
        var dropped = false;
        if (known)
        {
            dropped = true;
            personOf.Remove(requestId);
            if (index.TryGetValue(oldKey!, out var oldIds) && oldIds.Remove(requestId) && oldIds.Count == 0) index.Remove(oldKey!);
        }

        if (contactKey is null) return (dropped, dropped);
        personOf[requestId] = contactKey;
        if (File(index, requestId, contactKey)) log.Filed.Add(new PersonFiling(++log.LastNumber, requestId, contactKey));
        return (true, dropped);
    }

    /// <summary>
    /// On activation: puts back the logged filings the stored whole index does not hold yet, and drops
    /// from the log those it holds (a crash between writing it and pruning the log). Answers whether
    /// any were dropped: the log must be written again then, as it may hold a key that has left.
    /// </summary>
    public static bool Replay(HubPeopleState people, HubPeopleLog log)
    {
        (log.LastNumber, var dropped) = Persistence.NumberedLog.Replay(log.Filed, log.LastNumber, people.LoggedThrough, f => f.Number, f => File(people.People, f.RequestId, f.Key));
        return dropped;
    }

    private static bool File(Dictionary<string, List<Guid>> index, Guid requestId, string key)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (list.Contains(requestId)) return false;
        list.Add(requestId);
        return true;
    }

    public Dictionary<RequestStatus, int> StatusCounts() => byStatus.Where(p => p.Value > 0).ToDictionary();

    private void Count(RequestStatus status, int by) => byStatus[status] = byStatus.GetValueOrDefault(status) + by;
}
