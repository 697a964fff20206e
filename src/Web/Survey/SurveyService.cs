using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Stats;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Survey;

/// <summary>
/// A hub's needs survey: answered by anyone through the public form or a text, opened and closed
/// by the hub's coordinators, whose are the only eyes on the answers' own words.
/// </summary>
public sealed class SurveyService(IGrainFactory grains, CurrentUser user)
{
    /// <summary>The hub's name and whether it is asking; null for no such hub.</summary>
    public async Task<(string Name, bool Open)?> Public(string hub)
    {
        if (!Slug.IsValid(hub) || await grains.GetGrain<IHubGrain>(hub).GetSummary() is not { } summary) return null;
        return (summary.Name, (await grains.GetGrain<IHubStatsGrain>(hub).GetSurvey()).Open);
    }

    public Task<Result<SurveyView>> Answer(string hub, SurveyAnswer answer) => grains.GetGrain<IHubStatsGrain>(hub).Answer(answer);

    /// <summary>The survey as its coordinators see it, with the answers' words; null for anyone else.</summary>
    public async Task<SurveyView?> ForCoordinators(string hub) =>
        await user.Can(Ability.RunSurvey, hub) ? await grains.GetGrain<IHubStatsGrain>(hub).GetSurvey() : null;

    public async Task<Result<SurveyView>> SetOpen(string hub, bool open) =>
        await user.Can(Ability.RunSurvey, hub)
            ? Result<SurveyView>.Ok(await grains.GetGrain<IHubStatsGrain>(hub).SetSurveyOpen(open))
            : Result<SurveyView>.Refused(Reason.SurveyNeedsCoordinator);
}
