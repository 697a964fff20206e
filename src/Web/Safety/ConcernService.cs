using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Safety;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;
using MutualAid.Web.Status;

namespace MutualAid.Web.Safety;

/// <summary>
/// Concerns about people: anyone who works on a hub (and a requester with their reference) raises
/// one; only the hub's safeguarding role reads and handles them. Every refusal reads the same
/// (NotSafeguarding) whether or not the concern exists, and logs carry ids only.
/// </summary>
public sealed partial class ConcernService(IGrainFactory grains, CurrentUser user, StatusService status, ILogger<ConcernService> logger)
{
    public Task<bool> MayHandle(string hub) => user.Can(Ability.HandleConcerns, hub);

    public Task<bool> MayRaise(string hub) => user.Can(Ability.RaiseConcern, hub);

    /// <summary>The hub's volunteers a concern may be about (names only, as the board shows them).</summary>
    public async Task<IReadOnlyList<VolunteerSummary>> People(string hub) =>
        await MayRaise(hub) ? (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).ToArray() : [];

    /// <summary>
    /// Raises a concern about a volunteer of the hub, or about the requester of a request given by
    /// its reference code (when no volunteer is named), or about someone named in words only.
    /// </summary>
    public async Task<Result<Guid>> Raise(string hub, Guid? aboutVolunteer, string? aboutName, string? referenceCode, string text)
    {
        if (!await MayRaise(hub)) return Result<Guid>.Refused(Reason.NotPossibleHere);
        string? aboutParty = null;
        var about = string.IsNullOrWhiteSpace(aboutName) ? null : aboutName.Trim();
        if (aboutVolunteer is { } volunteer)
        {
            if (await grains.GetGrain<IVolunteerGrain>(volunteer).GetView() is not { } view || !view.Profile.HubSlugs.Contains(hub)) return Result<Guid>.Invalid("About", Reason.ChooseHubVolunteer);
            aboutParty = Party.Volunteer(volunteer);
            about ??= view.Profile.Name;
        }

        var request = await FindRequest(hub, referenceCode);
        if (aboutParty is null && request?.Contact.MatchKey() is { } requester) aboutParty = Party.Requester(requester);
        var concern = new NewConcern(hub, user.Actor, user.VolunteerId is { } me ? Party.Volunteer(me) : null, about, aboutParty,
            request?.Id, request?.ReferenceCode, text ?? "");
        return await Raise(concern);
    }

    /// <summary>
    /// A requester raises a concern about their request's volunteer with the reference code and the
    /// last four digits of their phone. Null when the two do not match a request: the caller answers
    /// exactly as /status does for "not found".
    /// </summary>
    public async Task<Result<Guid>?> RaiseAsRequester(string? code, string? digits, string? text)
    {
        if (await status.Proven(code, digits) is not { } request) return null;
        var volunteer = request.Assignment ?? (request.PastAssignments.Count > 0 ? request.PastAssignments[^1] : null);
        var concern = new NewConcern(request.HubSlug, new Actor("requester:" + request.ReferenceCode, request.ReferenceCode),
            request.Contact.MatchKey() is { } key ? Party.Requester(key) : null,
            volunteer?.VolunteerName, volunteer is null ? null : Party.Volunteer(volunteer.VolunteerId), request.Id, request.ReferenceCode, text ?? "");
        return await Raise(concern);
    }

    public Task<Result<IReadOnlyList<ConcernSummary>>> List(string hub) =>
        user.Read(Ability.HandleConcerns, hub, Reason.NotSafeguarding, grains.GetGrain<IHubConcernsGrain>(hub).List);

    public async Task<Result<ConcernView>> Get(string hub, Guid id)
    {
        if (!await MayHandle(hub)) return Result<ConcernView>.Refused(Reason.NotSafeguarding, hub);
        // Another hub's concern answers as one that does not exist.
        return await grains.GetGrain<IConcernGrain>(id).GetView() is { } view && view.Raised.HubSlug == hub
            ? Result<ConcernView>.Ok(view)
            : Result<ConcernView>.NotFound(Reason.NoSuchConcern);
    }

    public async Task<Result<ConcernView>> Advance(string hub, Guid id, ConcernStage stage, string note)
    {
        var found = await Get(hub, id);
        if (!found.IsOk) return found;
        return await grains.GetGrain<IConcernGrain>(id).Advance(stage, note, user.Actor);
    }

    public async Task<Result<ConcernView>> KeepApart(string hub, Guid id, string note)
    {
        var found = await Get(hub, id);
        if (!found.IsOk) return found;
        var result = await grains.GetGrain<IConcernGrain>(id).KeepApart(note, user.Actor);
        if (result.IsOk) LogKeptApart(logger, id, user.LogId);
        return result;
    }

    private async Task<Result<Guid>> Raise(NewConcern concern)
    {
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IConcernGrain>(id).Raise(concern);
        if (!result.IsOk) return result.As<Guid>();
        LogRaised(logger, id, concern.HubSlug);
        return Result<Guid>.Ok(id);
    }

    private async Task<RequestView?> FindRequest(string hub, string? referenceCode)
    {
        if (IReferenceCodeGrain.KeyOfTyped(referenceCode) is not { } key || await grains.GetGrain<IReferenceCodeGrain>(key).Request() is not { } id) return null;
        return await grains.GetGrain<IRequestGrain>(id).GetView() is { } view && view.HubSlug == hub ? view : null;
    }

    // Ids only: what a concern says, and about whom, never reaches a log.
    [LoggerMessage(Level = LogLevel.Information, Message = "Concern {ConcernId} raised at hub {Hub}")]
    private static partial void LogRaised(ILogger logger, Guid concernId, string hub);

    [LoggerMessage(Level = LogLevel.Information, Message = "Concern {ConcernId}: do not pair set by {UserId}")]
    private static partial void LogKeptApart(ILogger logger, Guid concernId, string userId);
}
