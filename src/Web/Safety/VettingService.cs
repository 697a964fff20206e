using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Safety;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Safety;

/// <summary>A volunteer and their checks at one hub, as the hub's coordinators see them.</summary>
public sealed record VettedVolunteer(Guid Id, string Name, VolunteerVetting Vetting);

/// <summary>
/// A hub's checks and each volunteer's records: the hub's coordinators keep them; a volunteer reads
/// only their own. Nothing here reaches the board, its deltas, exports or the API.
/// </summary>
public sealed partial class VettingService(IGrainFactory grains, CurrentUser user, ILogger<VettingService> logger)
{
    public Task<bool> MayManage(string hub) => user.Can(Ability.ManageVetting, hub);

    public Task<Result<VettingPolicy>> Policy(string hub) => user.Read(Ability.ManageVetting, hub, Reason.NotACoordinator, Safety(hub).GetPolicy);

    public async Task<Result<VettingPolicy>> SavePolicy(string hub, VettingPolicy policy)
    {
        if (!await MayManage(hub)) return Result<VettingPolicy>.Refused(Reason.NotACoordinator, hub);
        return await Safety(hub).SetPolicy(policy, user.Actor);
    }

    /// <summary>The hub's volunteers with their checks, for its coordinators.</summary>
    public async Task<Result<IReadOnlyList<VettedVolunteer>>> Volunteers(string hub)
    {
        if (!await MayManage(hub)) return Result<IReadOnlyList<VettedVolunteer>>.Refused(Reason.NotACoordinator, hub);
        var board = await grains.GetGrain<IHubGrain>(hub).GetSnapshot();
        var safety = Safety(hub);
        var vetted = await Task.WhenAll(board.Volunteers.OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(async v => new VettedVolunteer(v.Id, v.Name, await safety.GetVetting(v.Id))));
        return Result<IReadOnlyList<VettedVolunteer>>.Ok(vetted);
    }

    public async Task<Result<VolunteerVetting>> Record(string hub, Guid volunteer, string check, DateTimeOffset seenOn, DateTimeOffset? expiresAt)
    {
        if (!await MayManage(hub)) return Result<VolunteerVetting>.Refused(Reason.NotACoordinator, hub);
        if (await grains.GetGrain<IVolunteerGrain>(volunteer).GetView() is not { } view || !view.Profile.HubSlugs.Contains(hub))
        {
            return Result<VolunteerVetting>.Invalid("VolunteerId", Reason.ChooseHubVolunteer);
        }

        var result = await Safety(hub).RecordCheck(volunteer, check, seenOn, expiresAt, user.Actor);
        if (result.IsOk) LogRecorded(logger, volunteer, hub, user.LogId);
        return result;
    }

    /// <summary>
    /// A volunteer's checks at each of their hubs: for the volunteer themself, or for a coordinator
    /// of that hub; nothing for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<VolunteerVetting>> Of(Guid volunteer)
    {
        if (await grains.GetGrain<IVolunteerGrain>(volunteer).GetView() is not { } view) return [];
        var self = user.VolunteerId == volunteer;
        var shown = new List<VolunteerVetting>();
        foreach (var hub in view.Profile.HubSlugs)
        {
            if (self || await MayManage(hub)) shown.Add(await Safety(hub).GetVetting(volunteer));
        }

        return shown;
    }

    private ISafetyGrain Safety(string hub) => grains.GetGrain<ISafetyGrain>(hub);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check recorded for volunteer {VolunteerId} at hub {Hub} by {UserId}")]
    private static partial void LogRecorded(ILogger logger, Guid volunteerId, string hub, string userId);
}
