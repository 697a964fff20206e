using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Dispatch;

/// <summary>
/// A dispatcher's commands on a request, each authorised on the hub the caller names. The command
/// carries that hub, so the request grain refuses (NotFound) a request of any other hub: the
/// caller never has to read the request first to learn where it belongs.
/// </summary>
public sealed class DispatchService(IGrainFactory grains, CurrentUser user, RequestReader reader, OfferService offers)
{
    /// <summary>
    /// The dialog's view of a request on <paramref name="hub"/>'s board; null when it is not on
    /// that board or this person may not see the board.
    /// </summary>
    public async Task<DispatchCase?> Open(string hub, Guid request)
    {
        if (!await user.Can(Ability.ViewBoard, hub)) return null;
        var grain = Grain(request);
        // The dialog works from the redacted fields; contact details only arrive when this person may see them.
        if (await grain.GetView() is not { } view || view.HubSlug != hub) return null;
        var references = new Dictionary<Guid, string>();
        foreach (var other in view.MergedInto is { } into ? view.PossibleDuplicateOf.Append(into) : view.PossibleDuplicateOf)
        {
            if (await Grain(other).GetSummary() is { } s) references[other] = s.ReferenceCode;
        }

        var estimate = view.Assignment is { } assigned
            ? assigned.EstimatedHours ?? (await grains.GetGrain<IVolunteerGrain>(assigned.VolunteerId).GetView())?.Reservations.FirstOrDefault(r => r.RequestId == request)?.EstimatedHours
            : null;
        var seriesEnded = view.Series is { } link && await grains.GetGrain<IRequestSeriesGrain>(link.SeriesId).GetView() is { StoppedBy: not null };
        return new DispatchCase(
            view,
            await reader.PrivateView(request),
            await grain.GetAudit(),
            RequestLifecycle.Allows(RequestAction.Assign, view.Status) ? await Suggest(hub, request) : [],
            RequestLifecycle.IsOpen(view.Status) ? await offers.Suggest(hub, request) : [],
            references,
            estimate,
            seriesEnded,
            await user.Can(Ability.ManageHub, hub),
            await user.Can(Ability.AddNote, hub));
    }

    public Task<Result<RequestView>> Triage(string hub, Guid request, int version, Urgency? urgency = null, RequestCategory? category = null, string? reason = null) =>
        AsDispatcher(hub, request, g => g.Triage(new TriageCommand(version, user.Actor, urgency, category, reason) { Hub = hub }));

    /// <summary>Re-triage: changes what <paramref name="changes"/> sets, checked against the version the dialog showed.</summary>
    public Task<Result<RequestView>> Edit(string hub, Guid request, RequestChanges changes, int version)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return AsDispatcher(hub, request, g => g.Edit(new EditRequest(version, user.Actor, changes.Alone()) { Hub = hub }));
    }

    /// <summary>
    /// Places <paramref name="volunteer"/> on the request. On a pair two already hold,
    /// <paramref name="replacing"/> names the one the new volunteer takes over from (the grain
    /// releases them; the other keeps their place); without it the grain refuses (PairIsFull).
    /// </summary>
    public Task<Result<RequestView>> Assign(string hub, Guid request, Guid volunteer, int version, string? reason = null, Guid? replacing = null) =>
        AsDispatcher(hub, request, g => g.Assign(new AssignCommand(version, user.Actor, volunteer, Reason: reason) { Hub = hub, Replacing = replacing }));

    public Task<Result<RequestView>> Unassign(string hub, Guid request, int version, string? reason) =>
        AsDispatcher(hub, request, g => g.Unassign(new RequestCommand(version, user.Actor, reason) { Hub = hub }));

    public Task<Result<RequestView>> Start(string hub, Guid request, int version, string? reason = null) =>
        AsDispatcher(hub, request, g => g.Start(new RequestCommand(version, user.Actor, reason) { Hub = hub }));

    public Task<Result<RequestView>> Fulfil(string hub, Guid request, int version, double hours, string? reason = null) =>
        AsDispatcher(hub, request, g => g.Fulfil(new FulfilCommand(version, user.Actor, hours, reason) { Hub = hub }));

    public Task<Result<RequestView>> Cancel(string hub, Guid request, int version, string? reason) =>
        AsDispatcher(hub, request, g => g.Cancel(new RequestCommand(version, user.Actor, reason) { Hub = hub }));

    /// <summary>
    /// Passes a need this hub cannot meet to its region, where a coordinator of any of its hubs takes
    /// it in. Always the hub's own region, which the request finds itself: the caller does not name one.
    /// </summary>
    public Task<Result<RequestView>> Escalate(string hub, Guid request, int version, string? reason) =>
        AsDispatcher(hub, request, g => g.Escalate(new EscalateCommand(version, user.Actor, null, reason ?? "") { Hub = hub }));

    /// <summary>
    /// Brings back a request that was delivered, cancelled or passed to the region, with the reason
    /// the audit keeps. Whoever held it before is not placed again: it waits to be assigned.
    /// </summary>
    public Task<Result<RequestView>> Reopen(string hub, Guid request, int version, string? reason) =>
        AsDispatcher(hub, request, g => g.Reopen(new RequestCommand(version, user.Actor, reason) { Hub = hub }));

    /// <summary>
    /// The request of <paramref name="hub"/> a reference code names, open or closed, for a dispatcher
    /// taking a call about it. Null for a code that names nothing and for another hub's request
    /// alike, so the answer tells nobody what other hubs hold.
    /// </summary>
    public async Task<RequestSummary?> FindByReference(string hub, string? code)
    {
        if (IReferenceCodeGrain.KeyOfTyped(code) is not { } key || !await user.Can(Ability.Dispatch, hub)) return null;
        if (await grains.GetGrain<IReferenceCodeGrain>(key).Request() is not { } id) return null;
        return await Grain(id).GetSummary() is { } found && found.HubSlug == hub ? found : null;
    }

    /// <summary>
    /// Assigns a volunteer past their own limits (load, weekly hours, rest). Only the hub's
    /// coordinators may decide that, and only with a reason, which the audit keeps.
    /// </summary>
    public async Task<Result<RequestView>> AssignPastLimits(string hub, Guid request, Guid volunteer, int version, string? overrideReason, Guid? replacing = null)
    {
        if (!await user.Can(Ability.ManageHub, hub)) return Result<RequestView>.Refused(Reason.OverrideNeedsCoordinator, hub);
        if (string.IsNullOrWhiteSpace(overrideReason)) return Result<RequestView>.Invalid("OverrideLimits", Reason.OverrideNeedsReason);
        return await Grain(request).Assign(new AssignCommand(version, user.Actor, volunteer) { Hub = hub, OverrideLimits = overrideReason, Replacing = replacing });
    }

    /// <summary>
    /// Merges a duplicate into the request that survives: the survivor takes in the duplicate's
    /// audit trail, then the duplicate closes as merged. Coordinators only. Both steps are
    /// idempotent, so a merge cut short is finished by running it again.
    /// </summary>
    public async Task<Result<RequestView>> Merge(string hub, Guid duplicateId, Guid survivorId)
    {
        if (!await user.Can(Ability.ManageHub, hub)) return Result<RequestView>.Refused(Reason.MergeNeedsCoordinator, hub);
        var duplicate = Grain(duplicateId);
        var survivor = Grain(survivorId);
        // Both are read anyway (the survivor takes the duplicate's trail), so a foreign one is caught here too.
        if (await duplicate.GetView() is not { } dup || await survivor.GetView() is not { } keep || dup.HubSlug != hub || keep.HubSlug != hub)
        {
            return Result<RequestView>.NotFound(Reason.NotInHub);
        }

        if (dup.Assignment is { } held) return Result<RequestView>.Refused(Reason.MergeDuplicateHeld, held.VolunteerName, dup.ReferenceCode);
        var absorbed = await survivor.AbsorbDuplicate(dup.Redact(), await duplicate.GetAudit(), user.Actor);
        if (!absorbed.IsOk) return absorbed;
        var merged = await duplicate.MarkMerged(new MergeCommand(dup.Version, user.Actor, keep.Id, keep.ReferenceCode) { Hub = hub });
        return merged.IsOk ? absorbed : merged;
    }

    /// <summary>The hours a job was assigned for, so "delivered" without a figure banks the estimate.</summary>
    public async Task<double?> EstimatedHours(string hub, Guid request) =>
        await user.Can(Ability.Dispatch, hub) && await Grain(request).GetView() is { } view && view.HubSlug == hub ? view.Assignment?.EstimatedHours : null;

    public async Task<IReadOnlyList<Suggestion<VolunteerSummary>>> Suggest(string hub, Guid request) =>
        await user.Can(Ability.Dispatch, hub) ? await grains.GetGrain<IHubGrain>(hub).SuggestVolunteers(request, 5) : [];

    /// <summary>Everyone on duty at the hub, for a coordinator choosing someone the suggestions left out (it will need an override).</summary>
    public async Task<IReadOnlyList<VolunteerSummary>> OnDutyVolunteers(string hub) =>
        await user.Can(Ability.ManageHub, hub)
            ? (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Where(v => v.OnDuty).OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).ToArray()
            : [];

    private IRequestGrain Grain(Guid request) => grains.GetGrain<IRequestGrain>(request);

    private async Task<Result<RequestView>> AsDispatcher(string hub, Guid request, Func<IRequestGrain, Task<Result<RequestView>>> command) =>
        await user.Can(Ability.Dispatch, hub) ? await command(Grain(request)) : Result<RequestView>.Refused(Reason.NotADispatcher, hub);
}
