using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace MutualAid.Web.Accounts;

/// <summary>A page's requirement: the caller holds <see cref="Ability"/> at the hub or region named in its route.</summary>
public sealed record PlaceRequirement(Ability Ability) : IAuthorizationRequirement;

/// <summary>
/// Evaluated twice for a Blazor page: on the HTTP request (resource: HttpContext) and again in the
/// circuit on every navigation (resource: RouteData), so neither a direct GET nor in-app
/// navigation skips it.
/// </summary>
public sealed class PlaceAuthorizationHandler(Access access) : AuthorizationHandler<PlaceRequirement>
{
    public const string RouteKey = "Slug";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PlaceRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var place = context.Resource switch
        {
            HttpContext http => http.GetRouteValue(RouteKey) as string,
            Microsoft.AspNetCore.Components.RouteData route => route.RouteValues.TryGetValue(RouteKey, out var v) ? v as string : null,
            _ => null,
        };
        var allowed = requirement.Ability switch
        {
            Ability.ViewRegion => await access.Can(context.User, Ability.ViewRegion, hub: null, region: place),
            Ability.Administer => await access.Can(context.User, Ability.Administer, null),
            _ => place is not null && await access.Can(context.User, requirement.Ability, place),
        };
        if (allowed) context.Succeed(requirement);
    }
}

public static class Policies
{
    public const string ViewBoard = nameof(Ability.ViewBoard);
    public const string Dispatch = nameof(Ability.Dispatch);
    public const string ManageHub = nameof(Ability.ManageHub);
    public const string ViewRegion = nameof(Ability.ViewRegion);
    public const string Administer = nameof(Ability.Administer);
    public const string ManageTeam = nameof(Ability.ManageTeam);
    public const string SeeOutbox = nameof(Ability.SeeOutbox);
    public const string HandleConcerns = nameof(Ability.HandleConcerns);
    public const string RaiseConcern = nameof(Ability.RaiseConcern);
    public const string ManageVetting = nameof(Ability.ManageVetting);
    public const string SeeTrends = nameof(Ability.SeeTrends);
    public const string AskReimbursement = nameof(Ability.AskReimbursement);
    public const string ManageFund = nameof(Ability.ManageFund);
    public const string TakePartInDecisions = nameof(Ability.TakePartInDecisions);

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var permission in new[] { Ability.ViewBoard, Ability.Dispatch, Ability.ManageHub, Ability.ViewRegion, Ability.Administer, Ability.ManageTeam, Ability.SeeOutbox, Ability.HandleConcerns, Ability.RaiseConcern, Ability.ManageVetting,
            Ability.AskReimbursement, Ability.ManageFund, Ability.TakePartInDecisions, Ability.SeeTrends })
        {
            options.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new PlaceRequirement(permission)));
        }
    }
}
