using MutualAid.Accounts;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Accounts;

public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IUserGrain
{
    private UserAccount? Account => state.State.Account;

    public async Task<Result<UserSummary>> Create(string displayName, string passwordHash, IReadOnlyList<RoleGrant> roles, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (Account is not null) return Result<UserSummary>.Refused(Reason.AccountExists);
        var email = this.GetPrimaryKeyString();
        var errors = new List<FieldError>();
        if (!IUserGrain.LooksLikeEmail(email)) errors.Add(FieldError.Of("Email", Reason.EnterValidEmail));
        Text.Require(errors, "DisplayName", displayName, 100, Reason.GiveDisplayName);
        if (string.IsNullOrEmpty(passwordHash)) errors.Add(FieldError.Of("Password", Reason.PasswordRequired));
        errors.AddRange(roles.SelectMany(r => r.Validate()));
        if (errors.Count > 0) return Result<UserSummary>.Invalid(errors);

        return await Save(new UserAccount(email, displayName.Trim(), passwordHash, roles.Distinct().ToArray(), 0, null, clock.GetUtcNow()));
    }

    public Task<UserAccount?> GetAccount() => Task.FromResult(Account);

    public async Task<LoginAttempt> LoginSucceeded()
    {
        if (Account is null) return new LoginAttempt(false, null, 0);
        if (Account.LockedOutUntil is { } until && until > clock.GetUtcNow()) return new LoginAttempt(true, until, Account.FailedLogins);
        if (Account.Disabled) return new LoginAttempt(false, null, 0);
        // The team page shows the last sign-in, so the directory hears of it.
        await Save(Account with { FailedLogins = 0, LockedOutUntil = null, LastSignInAt = clock.GetUtcNow() });
        return new LoginAttempt(false, null, 0);
    }

    public async Task<Result<UserSummary>> Grant(RoleGrant grant, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (Account is null) return Result<UserSummary>.NotFound(Reason.NoSuchAccount);
        var errors = grant.Validate();
        if (errors.Count > 0) return Result<UserSummary>.Invalid(errors);
        if (Account.Roles.Contains(grant)) return Result<UserSummary>.Ok(Account.Summarise());
        return await Save(Account with { Roles = [.. Account.Roles, grant], SecurityStamp = Account.SecurityStamp + 1 });
    }

    public async Task<Result<UserSummary>> Revoke(RoleGrant grant, Actor actor)
    {
        if (Account is null) return Result<UserSummary>.NotFound(Reason.NoSuchAccount);
        if (!Account.Roles.Contains(grant)) return Result<UserSummary>.Ok(Account.Summarise());
        if (grant is { Role: Role.Volunteer, Scope: { } hub } && Account.VolunteerId is { } volunteerId)
        {
            // Off the hub's board first: a volunteer still holding work there keeps the role until it is handed on.
            var left = await GrainFactory.GetGrain<IVolunteerGrain>(volunteerId).LeaveHub(hub, actor);
            if (!left.IsOk && left.Status != ResultStatus.NotFound) return left.As<UserSummary>();
        }

        return await Save(Account with { Roles = Account.Roles.Where(r => r != grant).ToArray(), SecurityStamp = Account.SecurityStamp + 1 });
    }

    public async Task<Result<UserSummary>> JoinAsVolunteer(Guid? existingVolunteerId, Actor actor)
    {
        if (Account is null) return Result<UserSummary>.NotFound(Reason.NoSuchAccount);
        var hubs = Account.Roles.Where(r => r.Role == Role.Volunteer && r.Scope is not null).Select(r => r.Scope!).ToArray();
        if (hubs.Length == 0) return Result<UserSummary>.Ok(Account.Summarise());
        var chosen = Account.VolunteerId ?? existingVolunteerId ?? Guid.NewGuid();
        // The link is written before the volunteer is told, so a crash in between leaves an account
        // that knows its volunteer and finishes the join at its next sign-in, never a stray volunteer.
        if (Account.VolunteerId != chosen) await Save(Account with { VolunteerId = chosen });
        var volunteer = GrainFactory.GetGrain<IVolunteerGrain>(chosen);
        foreach (var hub in hubs)
        {
            var joined = await volunteer.Join(hub, Account.Email, Account.DisplayName, actor);
            if (joined.IsOk) continue;
            if (chosen == existingVolunteerId && Account.VolunteerId == chosen)
            {
                // That volunteer belongs to someone else: this account gets a volunteer of its own instead.
                await Save(Account with { VolunteerId = null });
                return await JoinAsVolunteer(null, actor);
            }

            return joined.As<UserSummary>();
        }

        return Result<UserSummary>.Ok(Account.Summarise());
    }

    public async Task<Result<UserSummary>> LinkVolunteer(Guid volunteerId, Actor actor)
    {
        if (Account is null) return Result<UserSummary>.NotFound(Reason.NoSuchAccount);
        return await Save(Account with { VolunteerId = volunteerId });
    }

    public async Task<Result<UserSummary>> SetCulture(string culture)
    {
        if (Account is null) return Result<UserSummary>.NotFound(Reason.NoSuchAccount);
        if (string.IsNullOrWhiteSpace(culture) || culture.Length > 10 || !culture.All(c => char.IsAsciiLetter(c) || c == '-'))
        {
            return Result<UserSummary>.Invalid("Culture", Reason.CultureRequired);
        }

        return Account.Culture == culture ? Result<UserSummary>.Ok(Account.Summarise()) : await Save(Account with { Culture = culture }, notify: false);
    }

    public async Task<Result<UserSummary>> SetDisabled(bool disabled, Actor actor)
    {
        if (Account is null) return Result<UserSummary>.NotFound(Reason.NoSuchAccount);
        if (Account.Disabled == disabled) return Result<UserSummary>.Ok(Account.Summarise());
        // A new security stamp ends every open session at its next check.
        return await Save(Account with { Disabled = disabled, SecurityStamp = Account.SecurityStamp + 1 });
    }

    public async Task<Result<UserSummary>> ChangePassword(string passwordHash, Actor actor)
    {
        if (Account is null) return Result<UserSummary>.NotFound(Reason.NoSuchAccount);
        if (string.IsNullOrEmpty(passwordHash)) return Result<UserSummary>.Invalid("Password", Reason.PasswordRequired);
        // A new security stamp signs out every other session of this account.
        return await Save(Account with { PasswordHash = passwordHash, SecurityStamp = Account.SecurityStamp + 1 });
    }

    public async Task<Result<UserSummary>> LetGoOfErasedVolunteer(Guid volunteerId, IReadOnlyList<string> hubs, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(hubs);
        if (Account is null) return Result<UserSummary>.NotFound(Reason.NoSuchAccount);
        var roles = Account.Roles.Where(r => !(r.Role == Role.Volunteer && r.Scope is { } hub && hubs.Contains(hub))).ToArray();
        var bound = Account.VolunteerId == volunteerId ? null : Account.VolunteerId;
        if (roles.Length == Account.Roles.Count && bound == Account.VolunteerId)
        {
            // Done before, but the directory may not have heard (a crash between the two writes): it
            // still binds the volunteer to this account, which is how erasing again found it.
            await GrainFactory.GetGrain<IUserDirectoryGrain>(0).Upsert(Account.Summarise());
            return Result<UserSummary>.Ok(Account.Summarise());
        }

        // A new security stamp: open sessions lose the hubs and the volunteer at their next check.
        return await Save(Account with { Roles = roles, VolunteerId = bound, SecurityStamp = Account.SecurityStamp + 1 });
    }

    public async Task Forget(Actor actor)
    {
        // The account goes first, so no crash leaves one that signs in; the directory is told last
        // and on every call, so erasing again (the directory still lists it by volunteer) finishes
        // the job. Their shifts are kept under their email, so they go too (a leaf: no cycle).
        if (Account is not null) await state.ClearStateAsync();
        await GrainFactory.GetGrain<MutualAid.Shifts.IShiftGrain>(this.GetPrimaryKeyString()).Forget();
        await GrainFactory.GetGrain<IUserDirectoryGrain>(0).Forget(this.GetPrimaryKeyString());
    }

    private async Task<Result<UserSummary>> Save(UserAccount account, bool notify = true)
    {
        state.State.Account = account;
        await state.WriteStateAsync();
        if (notify) await GrainFactory.GetGrain<IUserDirectoryGrain>(0).Upsert(account.Summarise());
        return Result<UserSummary>.Ok(account.Summarise());
    }
}
