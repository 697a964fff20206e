using MutualAid.Common;

namespace MutualAid.Offers;

[Alias("MutualAid.IOfferGrain")]
public interface IOfferGrain : IGrainWithGuidKey
{
    [Alias("Create")] Task<Result<OfferView>> Create(NewOffer offer);

    [Alias("GetView")] Task<OfferView?> GetView();

    /// <summary>Uses part of the offer; closes it when nothing is left. Refuses more than remains.</summary>
    [Alias("DrawDown")] Task<Result<OfferView>> DrawDown(decimal amount, Guid? requestId, Actor actor);

    [Alias("Withdraw")] Task<Result<OfferView>> Withdraw(Actor actor, string reason);
}
