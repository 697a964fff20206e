using MutualAid.Common;
using MutualAid.Offers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Offers;

/// <summary>
/// A hub's offers as its coordinators and dispatchers run them from the board. Every command names
/// the hub it was authorised on, and the offer grain answers an offer of any other hub as if it did
/// not exist, so no read comes first and nothing about another hub's stock leaks.
/// </summary>
public sealed class OfferDeskService(IGrainFactory grains, CurrentUser user)
{
    /// <summary>An offer taken by phone or in person: it goes on this hub's board, entered by the signed-in person.</summary>
    public async Task<Result<OfferView>> Enter(string hub, NewOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (!await user.Can(Ability.ManageOffers, hub)) return Refused<OfferView>(hub);
        return await Grain(Guid.NewGuid()).Create(offer with { HubSlug = hub, Actor = user.Actor });
    }

    public async Task<OfferDesk?> Open(string hub, Guid offer)
    {
        if (!await user.Can(Ability.ManageOffers, hub)) return null;
        var grain = Grain(offer);
        return await grain.GetView() is { } view && view.HubSlug == hub ? new OfferDesk(view, await grain.GetAudit()) : null;
    }

    public async Task<Result<OfferView>> Edit(string hub, Guid offer, OfferChanges changes, int version)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return await user.Can(Ability.ManageOffers, hub) ? await Grain(offer).Edit(new EditOffer(version, user.Actor, changes) { Hub = hub }) : Refused<OfferView>(hub);
    }

    public Task<Result<OfferView>> Pause(string hub, Guid offer, int version, string? reason = null) =>
        Run(hub, offer, version, reason, (grain, command) => grain.Pause(command));

    public Task<Result<OfferView>> Resume(string hub, Guid offer, int version, string? reason = null) =>
        Run(hub, offer, version, reason, (grain, command) => grain.Unpause(command));

    public Task<Result<OfferView>> Withdraw(string hub, Guid offer, int version, string? reason) =>
        Run(hub, offer, version, reason, (grain, command) => grain.Withdraw(command));

    /// <summary>Shares an open offer with the hub's region, where another hub of it may take it.</summary>
    public Task<Result<OfferView>> ShareWithRegion(string hub, Guid offer, int version) =>
        Run(hub, offer, version, null, (grain, command) => grain.ShareWithRegion(command));

    private async Task<Result<OfferView>> Run(string hub, Guid offer, int version, string? reason, Func<IOfferGrain, OfferCommand, Task<Result<OfferView>>> command) =>
        await user.Can(Ability.ManageOffers, hub)
            ? await command(Grain(offer), new OfferCommand(version, user.Actor, reason) { Hub = hub })
            : Refused<OfferView>(hub);

    private static Result<T> Refused<T>(string hub) => Result<T>.Refused(Reason.CannotManageOffers, hub);

    private IOfferGrain Grain(Guid offer) => grains.GetGrain<IOfferGrain>(offer);
}
