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
        if (delta.Version <= snapshot.Version) return snapshot;
        if (delta.Version != snapshot.Version + 1) return null;

        var requests = snapshot.Requests.ToDictionary(r => r.Id);
        var volunteers = snapshot.Volunteers.ToDictionary(v => v.Id);
        var offers = snapshot.Offers.ToDictionary(o => o.Id);
        foreach (var change in delta.Changes)
        {
            switch (change)
            {
                case RequestUpserted u: requests[u.Request.Id] = u.Request; break;
                case RequestRemoved r: requests.Remove(r.RequestId); break;
                case VolunteerUpserted u: volunteers[u.Volunteer.Id] = u.Volunteer; break;
                case VolunteerRemoved r: volunteers.Remove(r.VolunteerId); break;
                case OfferUpserted u: offers[u.Offer.Id] = u.Offer; break;
                case OfferRemoved r: offers.Remove(r.OfferId); break;
                default: throw new InvalidOperationException($"Unknown board change {change.GetType().Name}.");
            }
        }

        return snapshot with
        {
            Version = delta.Version,
            Requests = Order(requests.Values),
            Volunteers = OrderVolunteers(volunteers.Values),
            Offers = OrderOffers(offers.Values),
            Counts = delta.Counts,
        };
    }

    /// <summary>Board order: most urgent first, then oldest first.</summary>
    public static RequestSummary[] Order(IEnumerable<RequestSummary> requests) =>
        requests.OrderBy(r => r.Urgency).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToArray();

    public static OfferSummary[] OrderOffers(IEnumerable<OfferSummary> offers) =>
        offers.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToArray();

    public static VolunteerSummary[] OrderVolunteers(IEnumerable<VolunteerSummary> volunteers) =>
        volunteers.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Id).ToArray();
}
