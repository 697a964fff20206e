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

    /// <summary>Draws an offer down for a request (the offer keeps which request it went to).</summary>
    public async Task<Result<OfferView>> Use(string hub, Guid offerId, decimal amount, Guid request)
    {
        if (!await user.Can(Ability.Dispatch, hub)) return Result<OfferView>.Refused(Reason.NotADispatcher, hub);
        var offer = grains.GetGrain<IOfferGrain>(offerId);
        // Offers carry no hub in their commands, so this one read keeps another hub's stock out of reach.
        if (await offer.GetView() is not { } view || view.HubSlug != hub) return Result<OfferView>.NotFound(Reason.NoSuchOffer);
        return await offer.DrawDown(amount, request, user.Actor);
    }
}
