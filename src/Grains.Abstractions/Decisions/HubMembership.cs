using MutualAid.Accounts;

namespace MutualAid.Decisions;

/// <summary>Who belongs to a hub for its decisions: anyone holding a role scoped to it, whatever the role.</summary>
public static class HubMembership
{
    public static bool IsMember(IEnumerable<RoleGrant> roles, string hub) =>
        roles.Any(r => r.Scope == hub && r.Role is Role.Coordinator or Role.Dispatcher or Role.Volunteer or Role.Safeguarding);

    public static bool IsCoordinator(IEnumerable<RoleGrant> roles, string hub) => roles.Contains(new RoleGrant(Role.Coordinator, hub));
}
