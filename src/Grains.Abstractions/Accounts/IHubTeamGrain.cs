namespace MutualAid.Accounts;

/// <summary>
/// The one door a hub's coordinator role is taken away through (key: the hub slug). Orleans runs one
/// call at a time here, so counting the coordinators left and revoking one form a single step: two
/// coordinators removing each other at the same instant cannot both succeed and leave the hub in a
/// crisis with nobody to run it. Calls go down to the user grains and the directory; neither calls back.
/// </summary>
[Alias("MutualAid.IHubTeamGrain")]
public interface IHubTeamGrain : IGrainWithStringKey
{
    /// <summary>Refused with <see cref="Common.Reason.LastCoordinator"/> while no other enabled coordinator remains.</summary>
    [Alias("RemoveCoordinator")] Task<Result<UserSummary>> RemoveCoordinator(string email, Actor actor);
}
