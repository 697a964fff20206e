using Microsoft.Extensions.Localization;
using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Localization;
using MutualAid.Web.Users;

namespace MutualAid.Web.Accounts;

/// <summary>
/// Every command a page sends to a request grain goes through here, so "may this person do this
/// on this hub?" is decided on the server for each call, never only by what the page showed.
/// </summary>
public sealed class HubActions(IGrainFactory grains, CurrentUser user, Access access, IStringLocalizer<UiText> text)
{
    /// <summary>Runs a command on a request; dispatchers and coordinators of its hub may, and (for their own job) the assigned volunteer.</summary>
    public async Task<Result<RequestView>> OnRequest(Guid requestId, Func<IRequestGrain, Task<Result<RequestView>>> command, bool assignedVolunteerMay = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        var grain = grains.GetGrain<IRequestGrain>(requestId);
        var view = await grain.GetView();
        if (view is null) return Result<RequestView>.NotFound("There is no such request.");
        var allowed = await access.Can(user.Principal, Ability.Dispatch, view.HubSlug)
            || (assignedVolunteerMay && user.VolunteerId is { } me && view.Assignment?.VolunteerId == me);
        return allowed ? await command(grain) : Result<RequestView>.Refused($"You are not a dispatcher of hub '{view.HubSlug}'.");
    }

    /// <summary>The field a "picked up before accepting" refusal names, so pages can say it in their words.</summary>
    public const string AcceptFirstField = "Accept";

    /// <summary>
    /// Picked up. The assigned volunteer may only once they have accepted (accept comes first);
    /// the hub's dispatchers keep their power to mark it for them at any point.
    /// </summary>
    public async Task<Result<RequestView>> PickUp(Guid requestId, int expectedVersion)
    {
        var view = await grains.GetGrain<IRequestGrain>(requestId).GetView();
        if (view is null) return Result<RequestView>.NotFound("There is no such request.");
        if (!await access.Can(user.Principal, Ability.Dispatch, view.HubSlug)
            && user.VolunteerId is { } me && view.Assignment is { State: AssignmentState.Offered } offered && offered.VolunteerId == me)
        {
            return Result<RequestView>.Invalid(AcceptFirstField, "Accept it first, then mark it picked up.");
        }

        return await OnRequest(requestId, g => g.Start(new RequestCommand(expectedVersion, user.Actor)), assignedVolunteerMay: true);
    }

    /// <summary>
    /// Assigns a volunteer past their own limits (load, weekly hours, rest). Only the hub's
    /// coordinators may decide that, and only with a reason, which the audit keeps.
    /// </summary>
    public async Task<Result<RequestView>> AssignPastLimits(Guid requestId, Guid volunteerId, int expectedVersion, string reason)
    {
        var view = await grains.GetGrain<IRequestGrain>(requestId).GetView();
        if (view is null) return Result<RequestView>.NotFound("There is no such request.");
        if (!await access.Can(user.Principal, Ability.ManageHub, view.HubSlug))
        {
            return Result<RequestView>.Refused($"Only a coordinator of hub '{view.HubSlug}' can assign past a volunteer's limits.");
        }

        if (string.IsNullOrWhiteSpace(reason)) return Result<RequestView>.Invalid("OverrideLimits", "Say why this volunteer should go past their limits.");
        return await grains.GetGrain<IRequestGrain>(requestId).Assign(new AssignCommand(expectedVersion, user.Actor, volunteerId) { OverrideLimits = reason });
    }

    /// <summary>A volunteer claims a waiting request for themselves; only that volunteer may, and only on their own hubs.</summary>
    public async Task<Result<RequestView>> Claim(Guid requestId, Guid volunteerId, int expectedVersion)
    {
        if (user.VolunteerId != volunteerId) return Result<RequestView>.Refused("You can only claim requests for yourself.");
        var view = await grains.GetGrain<IRequestGrain>(requestId).GetView();
        if (view is null) return Result<RequestView>.NotFound("There is no such request.");
        if (!await access.Can(user.Principal, Ability.ViewBoard, view.HubSlug)) return Result<RequestView>.Refused($"You do not volunteer with hub '{view.HubSlug}'.");
        var result = await grains.GetGrain<IRequestGrain>(requestId).Claim(new ClaimCommand(expectedVersion, user.Actor, volunteerId));
        // A refusal the grains phrased (claims held) reaches the volunteer in their language.
        return result.Said is { } said ? result with { Message = text.Say(said) } : result;
    }

    /// <summary>
    /// Lets a volunteer whose claiming was held (too many claims given back) claim again. A
    /// coordinator of one of the volunteer's hubs may; the volunteer's trail keeps who did.
    /// </summary>
    public async Task<Result<VolunteerView>> ClearClaimsHold(Guid volunteerId)
    {
        var volunteer = grains.GetGrain<IVolunteerGrain>(volunteerId);
        if (await volunteer.GetView() is not { } view) return Result<VolunteerView>.NotFound("There is no such volunteer.");
        foreach (var hub in view.Profile.HubSlugs)
        {
            if (await access.Can(user.Principal, Ability.ManageHub, hub)) return await volunteer.ClearClaimsHold(user.Actor);
        }

        return Result<VolunteerView>.Refused("Only a coordinator of one of this volunteer's hubs can let them claim again.");
    }

    /// <summary>
    /// Takes a request that was escalated or offered to the region onto <paramref name="hub"/>'s
    /// board: that hub's dispatchers and coordinators may, and the region's coordinators for any of
    /// its hubs. Answers with the summary only: taking a need in is no reason to see who asked.
    /// </summary>
    public async Task<Result<RequestSummary>> TakeIntoHub(Guid requestId, string hub)
    {
        if (!Slug.IsValid(hub) || !await access.Can(user.Principal, Ability.TakeIntoHub, hub))
        {
            return Result<RequestSummary>.Refused($"You cannot take requests into hub '{hub}'.");
        }

        var grain = grains.GetGrain<IRequestGrain>(requestId);
        var region = (await grains.GetGrain<IHubGrain>(hub).GetSettings())?.RegionSlug;
        var current = await grain.GetSummary();
        var offered = current is not null && region is not null
            && ((current.Status == RequestStatus.Escalated && current.EscalatedTo == region) || current.OfferedToRegion == region);
        if (!offered) return Result<RequestSummary>.NotFound("No such request is waiting for this region.");

        var moved = current!.Status == RequestStatus.Escalated
            ? await grain.Reopen(new RequestCommand(current.Version, user.Actor, text["Region.TakenBy", hub])) is { IsOk: true } reopened
                ? await grain.TransferTo(new TransferCommand(reopened.Value!.Version, user.Actor, hub))
                : Result<RequestView>.Refused(text["Region.CouldNotReopen"])
            : await grain.TransferTo(new TransferCommand(current.Version, user.Actor, hub));
        return moved.IsOk ? Result<RequestSummary>.Ok(moved.Value!.Redact()) : moved.As<RequestSummary>();
    }

    /// <summary>Starts a recurring request; its first occurrence is created now. Dispatchers and coordinators of the hub may.</summary>
    public async Task<Result<RequestView>> CreateSeries(NewRequest request, RepeatEvery every)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.Can(user.Principal, Ability.Dispatch, request.HubSlug))
        {
            return Result<RequestView>.Refused($"You do not take requests for hub '{request.HubSlug}'.");
        }

        return await grains.GetGrain<IRequestSeriesGrain>(Guid.NewGuid()).Begin(request with { Actor = user.Actor }, every);
    }

    /// <summary>Stops a series from making more occurrences.</summary>
    public async Task<Result<SeriesView>> EndSeries(Guid seriesId)
    {
        var grain = grains.GetGrain<IRequestSeriesGrain>(seriesId);
        if (await grain.GetView() is not { } series) return Result<SeriesView>.NotFound("There is no such series.");
        return await access.Can(user.Principal, Ability.Dispatch, series.HubSlug)
            ? await grain.StopRepeating(user.Actor)
            : Result<SeriesView>.Refused($"You are not a dispatcher of hub '{series.HubSlug}'.");
    }

    public async Task<IReadOnlyList<Offers.OfferSuggestion>> SuggestOffers(string hub, Guid requestId) =>
        await access.Can(user.Principal, Ability.Dispatch, hub)
            ? await grains.GetGrain<IHubGrain>(hub).SuggestOffers(requestId, 5)
            : [];

    /// <summary>Draws an offer down for a request (the offer keeps which request it went to).</summary>
    public async Task<Result<Offers.OfferView>> UseOffer(Guid offerId, decimal amount, Guid requestId)
    {
        var offer = grains.GetGrain<Offers.IOfferGrain>(offerId);
        if (await offer.GetView() is not { } view) return Result<Offers.OfferView>.NotFound("There is no such offer.");
        return await access.Can(user.Principal, Ability.Dispatch, view.HubSlug)
            ? await offer.DrawDown(amount, requestId, user.Actor)
            : Result<Offers.OfferView>.Refused($"You are not a dispatcher of hub '{view.HubSlug}'.");
    }

    /// <summary>
    /// Merges a duplicate into the request that survives: the survivor takes in the duplicate's
    /// audit trail, then the duplicate closes as merged. Coordinators only. Both steps are
    /// idempotent, so a merge cut short is finished by running it again.
    /// </summary>
    public async Task<Result<RequestView>> MergeDuplicate(Guid duplicateId, Guid survivorId)
    {
        var duplicate = grains.GetGrain<IRequestGrain>(duplicateId);
        var survivor = grains.GetGrain<IRequestGrain>(survivorId);
        if (await duplicate.GetView() is not { } dup || await survivor.GetView() is not { } keep) return Result<RequestView>.NotFound("There is no such request.");
        if (!await access.Can(user.Principal, Ability.ManageHub, keep.HubSlug))
        {
            return Result<RequestView>.Refused($"Only a coordinator of hub '{keep.HubSlug}' can merge requests.");
        }

        if (dup.Assignment is { } held) return Result<RequestView>.Refused($"{held.VolunteerName} holds {dup.ReferenceCode}; unassign it first or merge the other way.");
        var absorbed = await survivor.AbsorbDuplicate(dup.Redact(), await duplicate.GetAudit(), user.Actor);
        if (!absorbed.IsOk) return absorbed;
        var merged = await duplicate.MarkMerged(new MergeCommand(dup.Version, user.Actor, keep.Id, keep.ReferenceCode));
        return merged.IsOk ? absorbed : merged;
    }

    public Task<Result<RequestView>> Create(NewRequest request) => Create(Guid.NewGuid(), request);

    /// <summary>With a caller-chosen id, so a create retried after a lost answer cannot make two requests.</summary>
    public async Task<Result<RequestView>> Create(Guid id, NewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.Can(user.Principal, Ability.Dispatch, request.HubSlug))
        {
            return Result<RequestView>.Refused($"You do not take requests for hub '{request.HubSlug}'.");
        }

        var grain = grains.GetGrain<IRequestGrain>(id);
        var result = await grain.Create(request with { Actor = user.Actor });
        if (result.Status == ResultStatus.Refused && await grain.GetView() is { } existing && existing.LastChangedBy.UserId == user.Actor.UserId && existing.Version == 1)
        {
            return Result<RequestView>.Ok(existing); // our own earlier attempt got through
        }

        return result;
    }

    /// <summary>The private view when this person may see it; otherwise null (use the summary).</summary>
    public async Task<RequestView?> PrivateView(Guid requestId)
    {
        var grain = grains.GetGrain<IRequestGrain>(requestId);
        var view = await grain.GetView();
        if (view is null || !await access.CanSeePrivate(user.Principal, view)) return null;
        // Dispatchers see contact details as their work; a volunteer seeing them is written down,
        // so claiming only to read addresses leaves a trail (the grain keeps one line per claim).
        if (!await access.Can(user.Principal, Ability.SeePrivate, view.HubSlug)) await grain.RecordReveal(user.Actor);
        return view;
    }

    public async Task<IReadOnlyList<DuplicateMatch>> FindDuplicates(string hub, DuplicateProbe probe) =>
        await access.Can(user.Principal, Ability.Dispatch, hub)
            ? await grains.GetGrain<IHubGrain>(hub).FindDuplicates(probe)
            : [];

    public async Task<IReadOnlyList<VolunteerSuggestion>> Suggest(string hub, Guid requestId) =>
        await access.Can(user.Principal, Ability.Dispatch, hub)
            ? await grains.GetGrain<IHubGrain>(hub).SuggestVolunteers(requestId, 5)
            : [];

    /// <summary>Sets how long the hub gives itself to assign each urgency; its coordinators (and admins) may.</summary>
    public async Task<Result<HubSummary>> UpdateDeadlines(string hub, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        if (!await access.Can(user.Principal, Ability.ManageHub, hub))
        {
            return Result<HubSummary>.Refused($"You are not a coordinator of hub '{hub}'.");
        }

        var grain = grains.GetGrain<IHubGrain>(hub);
        if (await grain.GetSettings() is not { } settings) return Result<HubSummary>.NotFound($"There is no hub '{hub}'.");
        return await grain.Configure(settings with { Deadlines = deadlines }, user.Actor);
    }
}
