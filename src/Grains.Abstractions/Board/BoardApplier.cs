using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Board;

/// <summary>
/// The one definition of "apply a delta to a snapshot", shared by every receiver (web circuits,
/// SignalR clients written in .NET, tests) so they cannot drift from each other.
/// </summary>
public static class BoardApplier
{
    /// <summary>Returns null when the delta does not follow the snapshot: the caller must resync.</summary>
    public static BoardSnapshot? Apply(BoardSnapshot snapshot, BoardDelta delta)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.Version <= snapshot.Version) return snapshot;
        // A merged delta applies from any version it covers: its later changes set what its earlier ones did.
        if (delta.FirstVersion() > snapshot.Version + 1) return null;

        // Only the lists a delta touches are rebuilt and re-sorted: most deltas change one request,
        // and the volunteers and offers lists can be handed on as they are (bench/MutualAid.Micro).
        Dictionary<Guid, RequestSummary>? requests = null;
        Dictionary<Guid, VolunteerSummary>? volunteers = null;
        Dictionary<Guid, OfferSummary>? offers = null;
        foreach (var change in delta.Changes)
        {
            switch (change)
            {
                case RequestUpserted u: (requests ??= ById(snapshot.Requests, r => r.Id))[u.Request.Id] = u.Request; break;
                case RequestRemoved r: (requests ??= ById(snapshot.Requests, x => x.Id)).Remove(r.RequestId); break;
                case VolunteerUpserted u: (volunteers ??= ById(snapshot.Volunteers, v => v.Id))[u.Volunteer.Id] = u.Volunteer; break;
                case VolunteerRemoved r: (volunteers ??= ById(snapshot.Volunteers, v => v.Id)).Remove(r.VolunteerId); break;
                case OfferUpserted u: (offers ??= ById(snapshot.Offers, o => o.Id))[u.Offer.Id] = u.Offer; break;
                case OfferRemoved r: (offers ??= ById(snapshot.Offers, o => o.Id)).Remove(r.OfferId); break;
                default: throw new InvalidOperationException($"Unknown board change {change.GetType().Name}.");
            }
        }

        return snapshot with
        {
            Version = delta.Version,
            Requests = requests is null ? snapshot.Requests : Order(requests.Values),
            Volunteers = volunteers is null ? snapshot.Volunteers : OrderVolunteers(volunteers.Values),
            Offers = offers is null ? snapshot.Offers : OrderOffers(offers.Values),
            Counts = delta.Counts,
        };
    }

    /// <summary>
    /// Consecutive deltas as one: each row's last change (every change sets a whole row or removes
    /// it, so the earlier ones are spent), the last counts and version. What a board channel sends
    /// when several arrived while its last send was in flight, so a busy hub costs each connection one
    /// message per send instead of one per version, and a request that moved on three times in that
    /// while is in it once.
    /// </summary>
    public static BoardDelta Merge(IReadOnlyList<BoardDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        if (deltas.Count == 1) return deltas[0];
        if (deltas.Count == 0) throw new ArgumentException("Nothing to merge.", nameof(deltas));
        for (var i = 1; i < deltas.Count; i++)
        {
            if (deltas[i].FirstVersion() != deltas[i - 1].Version + 1) throw new ArgumentException($"Deltas must follow each other: v{deltas[i - 1].Version} then v{deltas[i].FirstVersion()}.", nameof(deltas));
        }

        var changes = deltas.SelectMany(d => d.Changes).ToArray();
        var lastOf = new Dictionary<(int Kind, Guid Id), int>(changes.Length);
        for (var i = 0; i < changes.Length; i++) lastOf[RowOf(changes[i])] = i;
        var last = deltas[^1];
        return last with { Changes = lastOf.Count == changes.Length ? changes : [.. changes.Where((c, i) => lastOf[RowOf(c)] == i)], From = deltas[0].FirstVersion() };
    }

    /// <summary>The board row a change sets or removes.</summary>
    private static (int Kind, Guid Id) RowOf(BoardChange change) => change switch
    {
        RequestUpserted u => (0, u.Request.Id),
        RequestRemoved r => (0, r.RequestId),
        VolunteerUpserted u => (1, u.Volunteer.Id),
        VolunteerRemoved r => (1, r.VolunteerId),
        OfferUpserted u => (2, u.Offer.Id),
        OfferRemoved r => (2, r.OfferId),
        _ => throw new InvalidOperationException($"Unknown board change {change.GetType().Name}."),
    };

    private static Dictionary<Guid, T> ById<T>(IReadOnlyList<T> items, Func<T, Guid> id)
    {
        var map = new Dictionary<Guid, T>(items.Count + 4);
        foreach (var item in items) map[id(item)] = item;
        return map;
    }

    /// <summary>Board order: most urgent first, then oldest first.</summary>
    public static RequestSummary[] Order(IEnumerable<RequestSummary> requests) =>
        requests.OrderBy(r => r.Urgency).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToArray();

    public static OfferSummary[] OrderOffers(IEnumerable<OfferSummary> offers) =>
        offers.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToArray();

    public static VolunteerSummary[] OrderVolunteers(IEnumerable<VolunteerSummary> volunteers) =>
        volunteers.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Id).ToArray();
}
