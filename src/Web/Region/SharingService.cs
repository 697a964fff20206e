using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Region;

/// <summary>
/// Regions that share more than overflow: another hub takes a surplus offer shared with its region
/// (the offer desk shares it), and a region raises critical needs to the whole network. Answers carry summaries only:
/// moving something between hubs is no reason to see who gives or who asked.
/// </summary>
public sealed class SharingService(IGrainFactory grains, CurrentUser user)
{
    /// <summary>
    /// Takes an offer shared with the region onto <paramref name="hub"/>'s board: that hub's
    /// dispatchers and coordinators may, and the region's coordinators for any of its hubs.
    /// </summary>
    public async Task<Result<OfferSummary>> TakeOffer(Guid offer, string hub)
    {
        if (!Slug.IsValid(hub) || !await user.Can(Ability.TakeIntoHub, hub)) return Result<OfferSummary>.Refused(Reason.CannotTakeIntoHub, hub);
        var grain = grains.GetGrain<IOfferGrain>(offer);
        var region = (await grains.GetGrain<IHubGrain>(hub).GetSettings())?.RegionSlug;
        // Only what was shared with this hub's own region is there to take; anything else answers as if it did not exist.
        if (await grain.GetView() is not { } current || region is null || current.SharedWithRegion != region)
        {
            return Result<OfferSummary>.NotFound(Reason.OfferNotWaitingForRegion);
        }

        var moved = await grain.MoveTo(new MoveOffer(current.Version, user.Actor, hub));
        return moved.IsOk ? Result<OfferSummary>.Ok(moved.Value!.Redact()) : moved.As<OfferSummary>();
    }

    /// <summary>Raises a critical need escalated or offered to the region to the whole network; the region's coordinators may.</summary>
    public async Task<Result<RequestSummary>> RaiseToNetwork(Guid request, string region, string? reason)
    {
        if (!Slug.IsValid(region) || !await user.Can(Ability.RaiseToNetwork, null, region)) return Result<RequestSummary>.Refused(Reason.NotRegionalCoordinator, region);
        var grain = grains.GetGrain<IRequestGrain>(request);
        var current = await grain.GetSummary();
        var withRegion = current is not null
            && (current.OfferedToRegion == region || (current.Status == RequestStatus.Escalated && current.EscalatedTo == region));
        if (!withRegion) return Result<RequestSummary>.NotFound(Reason.NotWaitingForRegion);

        var raised = await grain.RaiseToNetwork(new RequestCommand(current!.Version, user.Actor, reason?.Trim()));
        return raised.IsOk ? Result<RequestSummary>.Ok(raised.Value!.Redact()) : raised.As<RequestSummary>();
    }

    /// <summary>The needs raised to the whole network, for anyone who may see a region's overview.</summary>
    public async Task<IReadOnlyList<RaisedNeed>> RaisedNeeds(string region) =>
        Slug.IsValid(region) && await user.Can(Ability.ViewRegion, null, region) ? await grains.GetGrain<INetworkGrain>(0).GetRaisedNeeds() : [];

    /// <summary>
    /// The needs raised to the network, each with the name of the region that raised it (its slug only
    /// when it has none): a region's coordinators know the others by name.
    /// </summary>
    public async Task<(IReadOnlyList<RaisedNeed> Needs, IReadOnlyDictionary<string, string> RegionNames)> RaisedNeedsNamed(string region)
    {
        var needs = await RaisedNeeds(region);
        var names = await HubNames.OfRegions(grains, needs.Select(n => n.FromRegion));
        return (needs, names);
    }

    /// <summary>
    /// Volunteers of the other hubs of <paramref name="hub"/>'s region, for its coordinators to ask to
    /// borrow (summaries only), each with the name of the hub they are from (its slug when it has none).
    /// </summary>
    public async Task<IReadOnlyList<(string HubName, VolunteerSummary Volunteer)>> Borrowable(string hub)
    {
        if (!Slug.IsValid(hub) || !await user.Can(Ability.ManageHub, hub)) return [];
        if ((await grains.GetGrain<IHubGrain>(hub).GetSettings())?.RegionSlug is not { } region) return [];
        if (await grains.GetGrain<IRegionGrain>(region).GetOverview() is not { } overview) return [];
        var list = new List<(string, VolunteerSummary)>();
        foreach (var other in overview.Hubs.Where(h => h.Slug != hub))
        {
            foreach (var volunteer in (await grains.GetGrain<IHubGrain>(other.Slug).GetSnapshot()).Volunteers.Where(v => !v.HubSlugs.Contains(hub) && v.Name != ContactDetails.ErasedName))
            {
                list.Add((string.IsNullOrWhiteSpace(other.Name) ? other.Slug : other.Name, volunteer));
            }
        }

        return list;
    }

    /// <summary>A coordinator of <paramref name="hub"/> asks to borrow a volunteer of another hub of the region for a day; the volunteer decides.</summary>
    public async Task<Result<VolunteerLoan>> AskToBorrow(string hub, Guid volunteer, DateOnly day, Guid loanId)
    {
        if (!Slug.IsValid(hub) || !await user.Can(Ability.ManageHub, hub)) return Result<VolunteerLoan>.Refused(Reason.CannotBorrow, hub);
        return await grains.GetGrain<IVolunteerGrain>(volunteer).AskToBorrow(loanId, hub, day, user.Actor);
    }

    /// <summary>The signed-in volunteer's loans, asked or answered, today and later.</summary>
    public async Task<IReadOnlyList<VolunteerLoan>> MyLoans() =>
        user.VolunteerId is { } me ? await grains.GetGrain<IVolunteerGrain>(me).GetLoans() : [];

    /// <summary>
    /// The signed-in volunteer's loans with the names of the hubs asking (the slug where one has none):
    /// a hub of their own region asked them by name, so they may read it.
    /// </summary>
    public async Task<(IReadOnlyList<VolunteerLoan> Loans, IReadOnlyDictionary<string, string> HubNames)> MyLoansNamed()
    {
        var loans = await MyLoans();
        return (loans, await HubNames.OfHubs(grains, loans.Select(l => l.ToHub)));
    }

    /// <summary>The signed-in volunteer agrees to or declines a loan; only they may.</summary>
    public async Task<Result<VolunteerLoan>> AnswerLoan(Guid loanId, bool agree) =>
        user.VolunteerId is { } me
            ? await grains.GetGrain<IVolunteerGrain>(me).AnswerLoan(loanId, agree, user.Actor)
            : Result<VolunteerLoan>.NotFound(Reason.NoSuchLoan);
}
