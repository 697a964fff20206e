using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Intake;

/// <summary>Taking requests in for a hub (by phone or a tool) and their repeats; the hub's dispatchers and coordinators may.</summary>
public sealed class IntakeService(IGrainFactory grains, CurrentUser user)
{
    public Task<Result<RequestView>> Create(NewRequest request) => Create(Guid.NewGuid(), request);

    /// <summary>With a caller-chosen id, so a create retried after a lost answer cannot make two requests.</summary>
    public async Task<Result<RequestView>> Create(Guid id, NewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await user.Can(Ability.Dispatch, request.HubSlug)) return Result<RequestView>.Refused(Reason.NotIntakeOfHub, request.HubSlug);
        var grain = grains.GetGrain<IRequestGrain>(id);
        var result = await grain.Create(request with { Actor = user.Actor });
        if (result.Reason != Reason.AlreadyExists || await grain.GetView() is not { } existing) return result;
        if (existing.HubSlug == request.HubSlug && existing.LastChangedBy.UserId == user.Actor.UserId && existing.Version == 1)
        {
            return Result<RequestView>.Ok(existing); // our own earlier attempt got through
        }

        // Said alike for every id in use: the grain's answer names the request's reference (half of
        // its public status proof), which another hub's caller, knowing only a GUID, must not learn.
        return Result<RequestView>.Invalid("Id", Reason.IdTaken);
    }

    /// <summary>Starts a recurring request; its first occurrence is created now.</summary>
    public async Task<Result<RequestView>> CreateSeries(NewRequest request, RepeatEvery every)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await user.Can(Ability.Dispatch, request.HubSlug)) return Result<RequestView>.Refused(Reason.NotIntakeOfHub, request.HubSlug);
        return await grains.GetGrain<IRequestSeriesGrain>(Guid.NewGuid()).Begin(request with { Actor = user.Actor }, every);
    }

    /// <summary>Stops a series of <paramref name="hub"/> from making more occurrences.</summary>
    public async Task<Result<SeriesView>> EndSeries(string hub, Guid seriesId)
    {
        if (!await user.Can(Ability.Dispatch, hub)) return Result<SeriesView>.Refused(Reason.NotADispatcher, hub);
        var grain = grains.GetGrain<IRequestSeriesGrain>(seriesId);
        // A series command names no hub, so its own record says whether it is this hub's.
        if (await grain.GetView() is not { } series || series.HubSlug != hub) return Result<SeriesView>.NotFound(Reason.NoSuchSeries);
        return await grain.StopRepeating(user.Actor);
    }

    /// <summary>The hub's named areas, to pick from while taking a call.</summary>
    public async Task<IReadOnlyList<NamedArea>> Areas(string hub) =>
        await user.Can(Ability.Dispatch, hub) ? (await grains.GetGrain<IHubGrain>(hub).GetSettings())?.Areas ?? [] : [];

    /// <summary>While the call is still going: is this person or need already on the board?</summary>
    public async Task<IReadOnlyList<DuplicateMatch>> FindDuplicates(string hub, DuplicateProbe probe) =>
        await user.Can(Ability.Dispatch, hub) ? await grains.GetGrain<IHubGrain>(hub).FindDuplicates(probe) : [];
}
