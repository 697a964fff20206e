using MutualAid.Requests;

namespace MutualAid.Offers;

[Alias("MutualAid.IOfferGrain")]
public interface IOfferGrain : IGrainWithGuidKey
{
    [Alias("Create")] Task<Result<OfferView>> Create(NewOffer offer);

    [Alias("GetView")] Task<OfferView?> GetView();

    /// <summary>Who changed the offer, when and how (oldest first); offers made before histories were kept start at their next change.</summary>
    [Alias("GetAudit")] Task<IReadOnlyList<AuditEntry>> GetAudit();

    /// <summary>Uses part of the offer without a version check (kept for callers that hold none); closes it when nothing is left. Refuses more than remains.</summary>
    [Alias("DrawDown")] Task<Result<OfferView>> DrawDown(decimal amount, Guid? requestId, Actor actor);

    /// <summary>Uses part of the offer, checked against the version and hub the caller saw; closes it when nothing is left.</summary>
    [Alias("DrawDownChecked")] Task<Result<OfferView>> DrawDown(DrawDownOffer command);

    /// <summary>Withdraws without a version check (kept for callers that hold none).</summary>
    [Alias("Withdraw")] Task<Result<OfferView>> Withdraw(Actor actor, string reason);

    [Alias("Edit")] Task<Result<OfferView>> Edit(EditOffer command);

    /// <summary>Takes an open offer out of suggestions, draw-downs and the gap counts; it stays on the board as paused.</summary>
    [Alias("Pause")] Task<Result<OfferView>> Pause(OfferCommand command);

    /// <summary>Puts a paused offer back: suggested, drawn down and counted again.</summary>
    [Alias("Unpause")] Task<Result<OfferView>> Unpause(OfferCommand command);

    /// <summary>Closes a live offer for good, with the version check; the reason is required.</summary>
    [Alias("WithdrawChecked")] Task<Result<OfferView>> Withdraw(OfferCommand command);

    /// <summary>Shares an open offer with its hub's region, where another hub of the region may take it.</summary>
    [Alias("ShareWithRegion")] Task<Result<OfferView>> ShareWithRegion(OfferCommand command);

    /// <summary>Another hub of the region the offer is shared with takes it: it moves boards with its history.</summary>
    [Alias("MoveTo")] Task<Result<OfferView>> MoveTo(MoveOffer command);

    /// <summary>Closes the offer as Expired once its expiry has passed; the expiry reminder calls it, and so may anyone (it is idempotent).</summary>
    [Alias("CheckExpiry")] Task CheckExpiry();
}
