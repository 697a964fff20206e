using MutualAid.Accounts;
using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using Microsoft.Extensions.Localization;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;
using MutualAid.Web.Localization;

namespace MutualAid.Web.People;

/// <summary>A member of a hub as the team page shows them: never the password hash or other places' roles.</summary>
public sealed record TeamMember(string Email, string DisplayName, IReadOnlyList<Role> Roles, DateTimeOffset? LastSignInAt, bool Disabled);

/// <summary>
/// The team of one hub: its members, its pending links and what its coordinators (and network
/// admins) may do about them. Every call checks the caller on the server and logs what was done
/// by account and link ids only. A refusal says the same whether the hub, member or link exists
/// (Reason.NotPossibleHere), so it reveals nothing.
/// </summary>
public sealed partial class TeamService(IGrainFactory grains, AccountService accounts, CurrentUser user, Access access, IStringLocalizer<UiText> text, ILogger<TeamService> logger)
{
    public static readonly TimeSpan ResetValidFor = TimeSpan.FromHours(24);

    private static readonly Role[] HubRoles = [Role.Coordinator, Role.Dispatcher, Role.Volunteer, Role.Safeguarding];

    public Task<bool> MayManage(string hub) => access.Can(user.Principal, Ability.ManageTeam, hub);

    public async Task<Result<IReadOnlyList<TeamMember>>> Members(string hub)
    {
        if (!await MayManage(hub)) return Result<IReadOnlyList<TeamMember>>.Refused(Reason.NotPossibleHere);
        var members = (await grains.GetGrain<IUserDirectoryGrain>(0).List())
            .Select(u => new TeamMember(u.Email, u.DisplayName, [.. u.Roles.Where(r => r.Scope == hub && HubRoles.Contains(r.Role)).Select(r => r.Role)], u.LastSignInAt, u.Disabled))
            .Where(m => m.Roles.Count > 0)
            .ToArray();
        return Result<IReadOnlyList<TeamMember>>.Ok(members);
    }

    public Task<Result<IReadOnlyList<PendingInvitation>>> PendingLinks(string hub) =>
        user.Read(Ability.ManageTeam, hub, Reason.NotPossibleHere, grains.GetGrain<IPendingInvitationsGrain>(hub).List);

    public async Task<Result<Invitation>> RevokeLink(string hub, string key)
    {
        if (!await MayManage(hub)) return Result<Invitation>.Refused(Reason.NotPossibleHere);
        var revoked = await accounts.RevokeInvitation(hub, key, user.Actor);
        if (revoked.IsOk) LogLinkRevoked(logger, key, hub, user.LogId);
        return revoked.IsOk ? revoked : Result<Invitation>.Refused(Reason.NotPossibleHere);
    }

    /// <summary>Takes one role at this hub away; the person's sessions lose the hub within seconds.</summary>
    public async Task<Result<UserSummary>> RemoveRole(string hub, string email, Role role)
    {
        if (!HubRoles.Contains(role) || !await MayManage(hub)) return Result<UserSummary>.Refused(Reason.NotPossibleHere);
        var grant = new RoleGrant(role, hub);
        var target = grains.GetGrain<IUserGrain>(IUserGrain.Key(email));
        if (await target.GetAccount() is not { } account || !account.Roles.Contains(grant)) return Result<UserSummary>.Refused(Reason.NotPossibleHere);
        // One click must not leave a hub in a crisis with nobody to run it (a coordinator removing
        // themselves, or an admin the wrong row): someone else takes it on first. The hub's team grain
        // counts and revokes in one turn, so two such clicks at once cannot both pass the count.
        var result = role == Role.Coordinator
            ? await grains.GetGrain<IHubTeamGrain>(hub).RemoveCoordinator(account.Email, user.Actor)
            : await target.Revoke(grant, user.Actor);
        // The member's account id is their email: logs name it by a hash (computed apart: the analyzer objects to a call in a log argument).
        var logged = LogSafe.Account(account.Email);
        if (result.IsOk) LogRoleRemoved(logger, grant, logged, user.LogId);
        return result;
    }

    /// <summary>
    /// Network admins only: the account can no longer sign in and every session ends. A disabled
    /// account stops the person, not only their sign-in: texts and emails reach a volunteer without
    /// one, so the volunteer bound to it is suspended (off duty, refused every new job) and each job
    /// they hold goes back to be dispatched again, where a "YES" by text no longer brings them a
    /// requester's contact details. The volunteer is told before the account changes, either way, so
    /// a run cut short shows the same button and pressing it again finishes it.
    /// </summary>
    public async Task<Result<AccountSwitch>> SetDisabled(string email, bool disabled)
    {
        if (!await access.Can(user.Principal, Ability.Administer, null)) return Result<AccountSwitch>.Refused(Reason.NotPossibleHere);
        var key = IUserGrain.Key(email);
        if (key == IUserGrain.Key(user.Actor.UserId)) return Result<AccountSwitch>.Refused(Reason.CannotDisableSelf);
        var target = grains.GetGrain<IUserGrain>(key);
        if (await target.GetAccount() is not { } account) return Result<AccountSwitch>.Refused(Reason.NotPossibleHere);

        var returned = 0;
        if (account.VolunteerId is { } volunteerId)
        {
            var suspended = await grains.GetGrain<IVolunteerGrain>(volunteerId).Suspend(disabled, user.Actor);
            if (suspended.Status is not (ResultStatus.Ok or ResultStatus.NotFound)) return Result<AccountSwitch>.Refused(Reason.NotPossibleHere);
            if (disabled && suspended.Value is { } volunteer) returned = await ReturnJobs(volunteer);
        }

        var result = await target.SetDisabled(disabled, user.Actor);
        var logged = LogSafe.Account(key);
        if (result.IsOk) LogDisabled(logger, logged, disabled, returned, user.LogId);
        return result.IsOk ? Result<AccountSwitch>.Ok(new AccountSwitch(result.Value!, returned)) : Result<AccountSwitch>.Refused(Reason.NotPossibleHere);
    }

    /// <summary>
    /// Takes a suspended volunteer off each job they hold, as a dispatcher would (not a give-back),
    /// leaving a partner on a pair in place. Answers how many went back to be dispatched.
    /// </summary>
    private async Task<int> ReturnJobs(VolunteerView volunteer)
    {
        var returned = 0;
        foreach (var held in volunteer.Reservations)
        {
            var request = grains.GetGrain<IRequestGrain>(held.RequestId);
            // Someone else may change the request between the read and the write: read it again.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                if (await request.GetView() is not { } view || view.HeldBy(volunteer.Id) is null) break;
                var command = new RequestCommand(view.Version, user.Actor, text["Team.DisabledAccountReason"]) { Hub = held.HubSlug, AsVolunteer = volunteer.Id };
                var unassigned = await request.Unassign(command);
                if (unassigned.IsOk) returned++;
                if (unassigned.Status != ResultStatus.Conflict) break;
            }
        }

        return returned;
    }

    /// <summary>
    /// A single-use reset link for a member of this hub. A coordinator may reset only someone whose
    /// every role is at this hub (never an admin or another hub's member); admins may reset anyone.
    /// </summary>
    public async Task<Result<string>> IssuePasswordReset(string hub, string email)
    {
        var admin = await access.Can(user.Principal, Ability.Administer, null);
        if (!admin && !await MayManage(hub)) return Result<string>.Refused(Reason.NotPossibleHere);
        var account = await grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount();
        var mayReset = account is not null && account.Roles.Any(r => r.Scope == hub)
            && (admin || account.Roles.All(r => r.Scope == hub && HubRoles.Contains(r.Role)));
        if (!mayReset) return Result<string>.Refused(Reason.NotPossibleHere);
        var issued = await accounts.IssuePasswordReset(account!.Email, ResetValidFor, user.Actor);
        var logged = LogSafe.Account(account.Email);
        if (issued.IsOk) LogResetIssued(logger, logged, user.LogId);
        return issued;
    }

    /// <summary>
    /// After a volunteer's personal data is erased, the accounts bound to them are forgotten too:
    /// an erased person must not sign in, watch a board or download its lists, and their email and
    /// name must not stay on the team page. The email is free again, to join afresh by a new link.
    /// An account that holds more than this hub's coordinators may end (a role at another hub other
    /// than volunteering, a region's, the network's) is kept: it only stops volunteering at the erased
    /// volunteer's hubs and is no longer bound to them. Either way the caller is told nothing, so
    /// erasing reveals no other place's roles. <paramref name="volunteerHubs"/> are the erased
    /// volunteer's hubs (their profile keeps them), so erasing again decides the same.
    /// </summary>
    public async Task ForgetAccountsOfErased(string hub, Guid volunteerId, IReadOnlyList<string> volunteerHubs)
    {
        foreach (var bound in await AccountsOf(hub, volunteerId))
        {
            var target = grains.GetGrain<IUserGrain>(bound.Email);
            // The account itself, not the directory's copy, which may be behind it.
            if (await target.GetAccount() is { } account && !EndedByErasure(account.Roles, hub, volunteerHubs))
            {
                await target.LetGoOfErasedVolunteer(volunteerId, volunteerHubs, user.Actor);
                LogAccountKept(logger, volunteerId, user.LogId);
            }
            else
            {
                await target.Forget(user.Actor);
                LogAccountErased(logger, volunteerId, user.LogId);
            }
        }
    }

    /// <summary>
    /// Whether erasing the volunteer leaves the account nothing: each role is one this hub's
    /// coordinators could remove (the rule <see cref="IssuePasswordReset"/> keeps to), or volunteering
    /// at another of the volunteer's hubs, which the erasure ends there too. Coordinating another of
    /// their hubs is not this hub's to end.
    /// </summary>
    private static bool EndedByErasure(IReadOnlyList<RoleGrant> roles, string hub, IReadOnlyList<string> volunteerHubs) =>
        roles.All(r => HubRoles.Contains(r.Role) && (r.Scope == hub || (r.Role == Role.Volunteer && r.Scope is { } other && volunteerHubs.Contains(other))));

    /// <summary>The accounts bound to one of the hub's volunteers, for its coordinators (none for anyone else).</summary>
    public async Task<IReadOnlyList<UserSummary>> AccountsOf(string hub, Guid volunteerId)
    {
        if (!await MayManage(hub)) return [];
        // Tombstones are bound to the volunteer too; they hold nothing left to forget.
        return [.. (await grains.GetGrain<IUserDirectoryGrain>(0).List()).Where(u => u.VolunteerId == volunteerId && !u.Email.StartsWith(IUserDirectoryGrain.TombstonePrefix, StringComparison.Ordinal))];
    }

    /// <summary>The hub's volunteers no account is bound to yet (imported ones, typically).</summary>
    public async Task<IReadOnlyList<VolunteerSummary>> VolunteersWithoutAccount(string hub)
    {
        if (!await MayManage(hub)) return [];
        var linked = (await grains.GetGrain<IUserDirectoryGrain>(0).List()).Select(u => u.VolunteerId).OfType<Guid>().ToHashSet();
        var board = await grains.GetGrain<IHubGrain>(hub).GetSnapshot();
        // An erased volunteer whose account was kept is bound to nothing, but is nobody to invite.
        return [.. board.Volunteers.Where(v => !linked.Contains(v.Id) && v.Name != ContactDetails.ErasedName).OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The same volunteers, each with the phone or email that tells two of one name apart, for the invitation list.</summary>
    public async Task<IReadOnlyList<InviteCandidate>> InviteCandidates(string hub)
    {
        var found = await VolunteersWithoutAccount(hub);
        var views = await Task.WhenAll(found.Select(v => grains.GetGrain<IVolunteerGrain>(v.Id).GetView()));
        return [.. found.Zip(views, (v, view) => new InviteCandidate(v.Id, v.Name, view?.Profile.Contact is { } c ? c.Phone ?? c.Email : null))];
    }

    /// <summary>A Volunteer link that binds the new account to this existing volunteer.</summary>
    public async Task<Result<string>> InviteExistingVolunteer(string hub, Guid volunteerId, string? email, TimeSpan validFor)
    {
        if (!(await VolunteersWithoutAccount(hub)).Any(v => v.Id == volunteerId)) return Result<string>.Refused(Reason.NotPossibleHere);
        var link = await accounts.Invite(new RoleGrant(Role.Volunteer, hub), email, validFor, user.Actor, volunteerId);
        if (link.IsOk) LogInvitedExisting(logger, volunteerId, hub, user.LogId);
        return link;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {Key} at {Hub} revoked by {By}")]
    private static partial void LogLinkRevoked(ILogger logger, string key, string hub, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Role {Grant} removed from {Account} by {By}")]
    private static partial void LogRoleRemoved(ILogger logger, RoleGrant grant, string account, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {Account} disabled={Disabled} by {By}; {JobsReturned} jobs went back to be dispatched")]
    private static partial void LogDisabled(ILogger logger, string account, bool disabled, int jobsReturned, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account of erased volunteer {VolunteerId} forgotten by {By}")]
    private static partial void LogAccountErased(ILogger logger, Guid volunteerId, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account bound to erased volunteer {VolunteerId} kept for its other roles, unbound by {By}")]
    private static partial void LogAccountKept(ILogger logger, Guid volunteerId, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset link issued for {Account} by {By}")]
    private static partial void LogResetIssued(ILogger logger, string account, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Volunteer {VolunteerId} invited to bind an account at {Hub} by {By}")]
    private static partial void LogInvitedExisting(ILogger logger, Guid volunteerId, string hub, string by);
}
