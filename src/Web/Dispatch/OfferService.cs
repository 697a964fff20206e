using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Dispatch;

/// <summary>The hub's open offers that fit a request, and drawing one down for it; the hub's dispatchers may.</summary>
public sealed class OfferService(IGrainFactory grains, CurrentUser user)
{
    public async Task<IReadOnlyList<Suggestion<OfferSummary>>> Suggest(string hub, Guid request) =>
        await user.Can(Ability.Dispatch, hub) ? await grains.GetGrain<IHubGrain>(hub).SuggestOffers(request, 5) : [];

    /// <summary>
    /// Draws an offer down for a request (the offer keeps which request it went to), on the version the
    /// dialog showed. The command names the hub, so another hub's offer answers as if it did not exist.
    /// </summary>
    public async Task<Result<OfferView>> Use(string hub, Guid offerId, int version, decimal amount, Guid request) =>
        await user.Can(Ability.Dispatch, hub)
            ? await grains.GetGrain<IOfferGrain>(offerId).DrawDown(new DrawDownOffer(version, user.Actor, amount, request) { Hub = hub })
            : Result<OfferView>.Refused(Reason.NotADispatcher, hub);
}
