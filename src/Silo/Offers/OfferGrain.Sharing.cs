using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Regions;

namespace MutualAid.Silo.Offers;

/// <summary>
/// Surplus shared with the region: the offer calls up into its region (which never calls an offer),
/// and a hub of the region takes it over by moving it, as a request moves between hubs.
/// </summary>
public sealed partial class OfferGrain
{
    public async Task<Result<OfferView>> ShareWithRegion(OfferCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(command) is { } failure) return failure;
        if (View!.Status != OfferStatus.Open) return Result<OfferView>.Refused(Reason.OfferClosed, View.Status);
        if (View.SharedWithRegion is { } already) return Result<OfferView>.Refused(Reason.OfferAlreadyShared, already);
        if ((await GrainFactory.GetGrain<IHubGrain>(View.HubSlug).GetSettings())?.RegionSlug is not { } region)
        {
            return Result<OfferView>.Refused(Reason.HubInNoRegion);
        }

        return await Commit(View with { SharedWithRegion = region }, command.Actor,
            Phrase.Of("DidShareOffer", "shared this offer with region {0}", region), command.Reason);
    }

    public async Task<Result<OfferView>> MoveTo(MoveOffer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(command) is { } failure) return failure;
        var current = View!;
        if (current.SharedWithRegion is not { } region) return Result<OfferView>.Refused(Reason.OfferNotShared);
        if (command.ToHub == current.HubSlug) return Result<OfferView>.Refused(Reason.AlreadyOnHub);
        var target = await GrainFactory.GetGrain<IHubGrain>(command.ToHub).GetSettings();
        if (target is null) return Result<OfferView>.Invalid(nameof(command.ToHub), Reason.NoSuchHub, command.ToHub);
        if (target.RegionSlug != region) return Result<OfferView>.Refused(Reason.OfferOutsideRegion, region);

        return await Commit(current with { HubSlug = command.ToHub, SharedWithRegion = null }, command.Actor,
            Phrase.Of("DidMoveOffer", "moved this offer from hub {0} to hub {1}", current.HubSlug, command.ToHub), default,
            movedFrom: current.HubSlug);
    }

    /// <summary>
    /// Keeps the region's inbox in step after a write: a shared offer's newer summary goes up while
    /// it is open; taken, paused, used up or closed, it leaves.
    /// </summary>
    private async Task TellRegion(OfferView? before, OfferView after)
    {
        if (after.SharedWithRegion is { } region && after.Status == OfferStatus.Open)
        {
            await GrainFactory.GetGrain<IRegionGrain>(region).ReceiveSharedOffer(new SharedOffer(after.Redact(), after.HubSlug, Now));
        }
        else if (before?.SharedWithRegion is { } was)
        {
            await GrainFactory.GetGrain<IRegionGrain>(was).WithdrawSharedOffer(after.Id);
        }
    }
}
