using MutualAid.Accounts;

namespace MutualAid.Web.Accounts;

/// <summary>
/// The one table of who may do what where. Pure, so the authorisation matrix test can check it
/// directly as well as through every page, hub method and command that consults it.
/// </summary>
public static class AccessPolicy
{
    /// <param name="roles">The caller's role grants.</param>
    /// <param name="permission">What they want to do.</param>
    /// <param name="hub">The hub it concerns (null for region/network permissions).</param>
    /// <param name="region">The region of that hub, or the region asked about.</param>
    /// <param name="regionsOfMyHubs">Regions of the hubs the caller coordinates or dispatches for (they may see those regions).</param>
    /// <param name="hubHasSafeguarding">
    /// Whether an enabled account holds the Safeguarding role at <paramref name="hub"/>. Only
    /// <see cref="Ability.HandleConcerns"/> reads it; the caller asks it afresh on each request (as
    /// the roles are read), and a caller that does not know must leave it true: the narrower answer.
    /// </param>
    public static bool Allows(IReadOnlyCollection<RoleGrant> roles, Ability permission, string? hub, string? region,
        IReadOnlyCollection<string>? regionsOfMyHubs = null, bool hubHasSafeguarding = true)
    {
        ArgumentNullException.ThrowIfNull(roles);
        bool Has(Role role, string? scope) => scope is not null && roles.Contains(new RoleGrant(role, scope));
        var admin = roles.Contains(new RoleGrant(Role.NetworkAdmin, null));
        var regional = Has(Role.RegionalCoordinator, region);
        var coordinator = Has(Role.Coordinator, hub);
        var dispatcher = Has(Role.Dispatcher, hub);
        var volunteer = Has(Role.Volunteer, hub);
        var safeguarding = Has(Role.Safeguarding, hub);

        return permission switch
        {
            Ability.ViewBoard => admin || regional || coordinator || dispatcher || volunteer,
            // Private details go to the people who act on them, not to everyone with a wide view.
            Ability.SeePrivate => coordinator || dispatcher,
            Ability.Dispatch => coordinator || dispatcher,
            // What was said on the phone is for the people working the case, not for a wide view.
            Ability.AddNote or Ability.ReadNotes => coordinator || dispatcher,
            // The people who draw offers down for requests keep them true too; a wide view does not.
            Ability.ManageOffers => coordinator || dispatcher,
            Ability.ManageHub => coordinator,
            Ability.ViewRegion => admin || regional || (region is not null && regionsOfMyHubs?.Contains(region) == true),
            Ability.Administer => admin,
            Ability.ManageTeam => admin || coordinator,
            // The region's coordinator places a need in any of its hubs; that alone shows no private details.
            Ability.TakeIntoHub => coordinator || dispatcher || regional,
            // Who was told what names requesters: the hub's coordinators, not a wider view.
            Ability.SeeOutbox => coordinator,
            // A token acts for the hub with no person behind it: only those who answer for the hub hand one out.
            Ability.ManageApiTokens => coordinator,
            // The people who follow a delivery to done are the ones who say thank you for it.
            Ability.SendThanks => coordinator || dispatcher,
            // Limits for those who carry the board: their own shift, and for coordinators everyone's.
            Ability.KeepShift => coordinator || dispatcher,
            Ability.SeeOrganiserShifts => coordinator,
            // Concerns go to the hub's designated safeguarding people: not its coordinators (unless they
            // hold the role too), and not a network admin, who can appoint someone instead. While the
            // hub has nobody holding the role, its coordinators handle them, so a concern always reaches
            // a person; the day someone holds it, the coordinators are refused again.
            Ability.HandleConcerns => safeguarding || (coordinator && !hubHasSafeguarding),
            Ability.RaiseConcern => coordinator || dispatcher || volunteer || safeguarding,
            // Checks seen are private: the people who answer for the hub keep them.
            Ability.ManageVetting => coordinator,
            // Asking every region for help speaks for the whole region: its coordinators do.
            Ability.RaiseToNetwork => regional,
            // Figures over time are for the people who plan the work, hub or region.
            Ability.SeeTrends => coordinator || dispatcher || regional,
            // The answers' own words are for the coordinators alone.
            Ability.RunSurvey => coordinator,
            // Money and donors' names: the people who answer for the hub; a second one approves what the first asked.
            Ability.ManageFund or Ability.ApproveReimbursement => coordinator,
            Ability.AskReimbursement => coordinator || dispatcher || volunteer,
            // Decisions belong to the hub's members, whatever their role; a wide view (admin, region) is not membership.
            Ability.TakePartInDecisions => coordinator || dispatcher || volunteer || safeguarding,
            Ability.RecordMinutes => coordinator,
            _ => false,
        };
    }
}
