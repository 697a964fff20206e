using MutualAid.Accounts;
using MutualAid.Decisions;

namespace MutualAid.Silo.Decisions;

/// <summary>Reads an actor's roles from their account (a leaf), so the decision grains judge membership themselves.</summary>
internal static class MemberRoles
{
    public static async Task<IReadOnlyList<RoleGrant>> RolesOf(IGrainFactory grains, Actor actor)
    {
        // API tokens and system actors have no account: they take no part in decisions.
        if (actor.UserId.Contains(':', StringComparison.Ordinal) || !actor.UserId.Contains('@', StringComparison.Ordinal)) return [];
        return (await grains.GetGrain<IUserGrain>(IUserGrain.Key(actor.UserId)).GetAccount()) is { Disabled: false } account ? account.Roles : [];
    }

    public static async Task<bool> IsMember(IGrainFactory grains, Actor actor, string hub) => HubMembership.IsMember(await RolesOf(grains, actor), hub);
}
