using System.Security.Claims;
using MutualAid.Accounts;
using MutualAid.Requests;

namespace MutualAid.Web.Accounts;

/// <summary>Answers "may this person do this here?" for pages, hub methods and commands alike.</summary>
public sealed class Access(HubDirectory hubs, TimeProvider clock)
{
    public async Task<bool> Can(ClaimsPrincipal? user, Ability permission, string? hub, string? region = null)
    {
        if (user?.Identity?.IsAuthenticated != true) return false;
        var roles = AccountClaims.Roles(user);
        if (hub is not null)
        {
            var (exists, hubRegion) = await hubs.Find(hub);
            if (!exists) return permission == Ability.Administer && AccessPolicy.Allows(roles, permission, null, null);
            region ??= hubRegion;
        }

        var myRegions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var grant in roles.Where(r => r.Role is Role.Coordinator or Role.Dispatcher && r.Scope is not null))
        {
            if ((await hubs.Find(grant.Scope!)).Region is { } r) myRegions.Add(r);
        }

        // Asked only when the answer can change it: a coordinator (who is not the safeguarding person
        // too) opening the hub's concerns. Not cached, so appointing someone takes effect at once.
        var hubHasSafeguarding = permission != Ability.HandleConcerns || hub is null
            || !roles.Contains(new RoleGrant(Role.Coordinator, hub)) || roles.Contains(new RoleGrant(Role.Safeguarding, hub))
            || await hubs.HasSafeguarding(hub);
        return AccessPolicy.Allows(roles, permission, hub, region, myRegions, hubHasSafeguarding);
    }

    /// <summary>
    /// Contact details and exact location: the hub's coordinators and dispatchers, and the volunteer
    /// assigned to this very request while their claim on it is active.
    /// </summary>
    public async Task<bool> CanSeePrivate(ClaimsPrincipal? user, RequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await Can(user, Ability.SeePrivate, request.HubSlug)) return true;
        // The volunteer: only while their claim is active (accepted and not lapsed), or once picked up.
        // Either volunteer of a pair, each by their own place; a pair still waiting for its second sees nothing yet.
        return AccountClaims.VolunteerId(user) is { } me
            && request.HeldBy(me) is { State: AssignmentState.Accepted } assignment
            && (request.Status == RequestStatus.InProgress
                || (request.Status == RequestStatus.Assigned && assignment.ClaimExpiresAt is { } until && until > clock.GetUtcNow()));
    }
}
