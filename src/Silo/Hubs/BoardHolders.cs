using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// Who holds which request, as a board shows it. A reassignment reaches the hub as separate
/// notices (the request's, carrying the new volunteer's reservation; the old volunteer's release;
/// each volunteer's own re-send, first when the request's notice was lost), so taken as they
/// arrive the volunteers' rows could list one request under two people. For a request this board
/// shows, the request's own row is the truth: it appears under exactly the volunteer that row names,
/// and under nobody once it has closed here. What a volunteer holds elsewhere is theirs to say.
/// In-memory, derived from the open requests.
/// </summary>
internal sealed class BoardHolders
{
    private readonly Dictionary<Guid, HashSet<Guid>> heldBy = [];

    public void Rebuild(IEnumerable<RequestSummary> open)
    {
        heldBy.Clear();
        foreach (var r in open) Move(r.Id, null, r.AssignedVolunteerId);
    }

    /// <summary>Records that the board now shows <paramref name="requestId"/> held by <paramref name="after"/> instead of <paramref name="before"/>.</summary>
    public void Move(Guid requestId, Guid? before, Guid? after)
    {
        if (before == after) return;
        if (before is { } b && heldBy.TryGetValue(b, out var old) && old.Remove(requestId) && old.Count == 0) heldBy.Remove(b);
        if (after is { } a)
        {
            if (!heldBy.TryGetValue(a, out var set)) heldBy[a] = set = [];
            set.Add(requestId);
        }
    }

    /// <summary>The volunteer's row as this board shows it: their own list, corrected by the requests' rows.</summary>
    public VolunteerSummary Shown(VolunteerSummary volunteer, HubState board)
    {
        var ids = new List<Guid>(volunteer.ActiveRequestIds.Count + 1);
        foreach (var id in volunteer.ActiveRequestIds)
        {
            if (board.Open.ContainsKey(id)) continue; // the request's row decides, below
            if (board.Marks.TryGetValue(id, out var mark) && !RequestLifecycle.IsOpen(mark.Status)) continue; // closed here; their release is on its way
            ids.Add(id);
        }

        if (heldBy.TryGetValue(volunteer.Id, out var held)) ids.AddRange(held.Where(id => !ids.Contains(id)));
        return ids.Count == volunteer.ActiveRequestIds.Count && ids.All(volunteer.ActiveRequestIds.Contains)
            ? volunteer
            : volunteer with { ActiveRequestIds = ids, ActiveAssignments = ids.Count };
    }
}
