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

    /// <summary>A region as a delivery target beside the boards ("region:slug"; slugs never hold a colon).</summary>
    private const string RegionTarget = "region:";

    /// <summary>Regions that heard a version in this activation ("slug@version"); they leave the owed list with the next write.</summary>
    private readonly HashSet<string> regionsHeard = new(StringComparer.Ordinal);

    /// <summary>Regions the command is telling itself, so an announcement meanwhile does not tell them twice.</summary>
    private readonly HashSet<string> regionsInHand = new(StringComparer.Ordinal);

    /// <summary>
    /// The regions the change about to be written owes a word: the one it is shared with, the one it
    /// left, and any still owed an earlier version (which hears the latest instead).
    /// </summary>
    private List<string> RegionsOwed(OfferState before, OfferView after)
    {
        var owed = before.RegionsOwed.Where(r => !regionsHeard.Contains($"{r}@{before.View?.Version}")).ToList();
        foreach (var region in new[] { before.View?.SharedWithRegion, after.SharedWithRegion })
        {
            if (region is not null && !owed.Contains(region, StringComparer.Ordinal)) owed.Add(region);
        }

        return owed;
    }

    private static IEnumerable<string> Regions(IEnumerable<string> owed) => owed.Select(r => RegionTarget + r);

    /// <summary>One delivery target: a board, or a region owed this version.</summary>
    private Task Send(string target) => target.StartsWith(RegionTarget, StringComparison.Ordinal)
        ? TellRegion(target[RegionTarget.Length..])
        : Delivery.Board(target).OfferChanged(View!.Redact());

    /// <summary>
    /// Keeps the region's inbox in step with the current state: a shared offer's newer summary goes
    /// up while it is open; taken, paused, used up or closed, it leaves. The region ignores a summary
    /// it already has and a withdrawal of what it does not hold, so telling it again is harmless.
    /// </summary>
    private async Task TellRegion(string region)
    {
        var view = View!;
        if (regionsHeard.Contains($"{region}@{view.Version}")) return;
        var inbox = GrainFactory.GetGrain<IRegionGrain>(region);
        if (view.SharedWithRegion == region && view.Status == OfferStatus.Open) await inbox.ReceiveSharedOffer(new SharedOffer(view.Redact(), view.HubSlug, Now));
        else await inbox.WithdrawSharedOffer(view.Id);
        regionsHeard.Add($"{region}@{view.Version}");
    }
}
