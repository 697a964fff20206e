using MutualAid.Accounts;

namespace MutualAid.Silo.Accounts;

/// <summary>
/// Holds nothing: its worth is that it is one activation per hub, so removals of the hub's
/// coordinators queue here. The count reads the directory, which the user grain updates before
/// its revoke returns, so the next removal in the queue counts what this one left.
/// </summary>
public sealed class HubTeamGrain : Grain, IHubTeamGrain
{
    public async Task<Result<UserSummary>> RemoveCoordinator(string email, Actor actor)
    {
        var hub = this.GetPrimaryKeyString();
        var grant = new RoleGrant(Role.Coordinator, hub);
        var others = (await GrainFactory.GetGrain<IUserDirectoryGrain>(0).List())
            .Count(u => u.Holds(grant) && IUserGrain.Key(u.Email) != IUserGrain.Key(email));
        if (others == 0) return Result<UserSummary>.Refused(Reason.LastCoordinator, hub);
        return await GrainFactory.GetGrain<IUserGrain>(IUserGrain.Key(email)).Revoke(grant, actor);
    }
}
