using MutualAid.Board;
using MutualAid.Offers;
using MutualAid.Volunteers;

namespace MutualAid.Hubs;

/// <summary>
/// A hub's live board: a projection of its requests, volunteers and offers, fed by one-way
/// notices from those grains. It calls nothing but its region, and never synchronously calls
/// an entity grain, so it can be rebuilt and can never join a call cycle.
/// </summary>
[Alias("MutualAid.INeighbourhoodGrain")]
public interface IHubGrain : IGrainWithStringKey
{
    [Alias("Configure")] Task<Result<HubSummary>> Configure(HubSettings settings, Actor actor);

    /// <summary>
    /// Configures a hub that has no settings yet; refuses (HubExists) one that has, so a hub made
    /// again under the same name does not lose its number, areas, zone and deadlines to the defaults.
    /// </summary>
    [Alias("Create")] Task<Result<HubSummary>> Create(HubSettings settings, Actor actor);

    /// <summary>Null until the hub has been configured.</summary>
    [Alias("GetSummary")] Task<HubSummary?> GetSummary();

    [Alias("GetSettings")] Task<HubSettings?> GetSettings();

    [Alias("GetSnapshot")] Task<BoardSnapshot> GetSnapshot();

    /// <summary>
    /// Registers (or refreshes) an observer and returns the snapshot in the same turn, so every
    /// later change arrives in a delta numbered above snapshot.Version (a delta numbered exactly
    /// snapshot.Version is already in the snapshot). Subscriptions expire unless refreshed.
    /// </summary>
    [Alias("Subscribe")] Task<BoardSnapshot> Subscribe(IBoardObserver observer);

    [Alias("Unsubscribe")] Task Unsubscribe(IBoardObserver observer);

    /// <summary>
    /// A change from the entity that owns it. Completes once the board has written it (or already
    /// had that version); fails if the board could not keep it, and the entity sends it again.
    /// Entities never await this on their own path (see HubDelivery), so it cannot hold them up.
    /// </summary>
    [Alias("RequestChanged")] Task RequestChanged(RequestNotice notice);

    [Alias("VolunteerChanged")] Task VolunteerChanged(VolunteerSummary volunteer);

    [Alias("OfferChanged")] Task OfferChanged(OfferSummary offer);

    [Alias("FindDuplicates")] Task<IReadOnlyList<DuplicateMatch>> FindDuplicates(DuplicateProbe probe);

    /// <summary>Every request (open or closed) this hub holds for one person, for export and erasure.</summary>
    [Alias("FindRequestsByContact")] Task<IReadOnlyList<Guid>> FindRequestsByContact(string contactKey);

    /// <summary>Ranks on-duty volunteers for an open request on this board, best first.</summary>
    [Alias("SuggestVolunteers")] Task<IReadOnlyList<Suggestion<VolunteerSummary>>> SuggestVolunteers(Guid requestId, int max);

    /// <summary>
    /// Requests of this hub changed since <paramref name="since"/>, oldest change first, for a shift handover: every
    /// open one, and of those off the board (closed or passed on) the most recent thousand.
    /// </summary>
    [Alias("ChangedSince")] Task<IReadOnlyList<Guid>> ChangedSince(DateTimeOffset since);

    /// <summary>Open offers on this hub that fit a request (same category, still available), best first, with the reasons.</summary>
    [Alias("SuggestOffers")] Task<IReadOnlyList<Suggestion<OfferSummary>>> SuggestOffers(Guid requestId, int max);
}
