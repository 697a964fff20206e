using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using MutualAid.Accounts;
using MutualAid.Common;

namespace MutualAid.Web.Accounts;

public enum SignInOutcome
{
    Ok,
    WrongCredentials,
    LockedOut,
}

/// <summary>
/// Passwords, sign-in with lockout, the first administrator and invitation links. Passwords are
/// hashed with ASP.NET Core Identity's hasher; grains only ever see the hash. The lockout is of one
/// client address from one email (<see cref="ISignInFailuresGrain"/>), never of the account itself,
/// and an unknown email is counted and answered exactly as a known one.
/// </summary>
public sealed class AccountService(IGrainFactory grains, TimeProvider clock)
{
    public const int MinimumPasswordLength = 10;

    private static readonly PasswordHasher<string> Hasher = new();

    // Compared against when the account does not exist, so a wrong email costs the same time as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword("", "not-a-real-password-" + Guid.NewGuid());

    public static string Hash(string password) => Hasher.HashPassword("", password);

    public static IReadOnlyList<FieldError> CheckPassword(string? password) =>
        password is null || password.Length < MinimumPasswordLength
            ? [FieldError.Of("Password", Reason.PasswordTooShort, MinimumPasswordLength)]
            : password.Length > 200 ? [FieldError.Of("Password", Reason.PasswordTooLong)] : [];

    /// <param name="client">The caller's address as the rate limiter keys it: wrong passwords shut out only that address.</param>
    public async Task<(SignInOutcome Outcome, ClaimsPrincipal? Principal, DateTimeOffset? LockedUntil)> SignIn(string? email, string? password, string client)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 200 || password.Length > 200)
        {
            return (SignInOutcome.WrongCredentials, null, null);
        }

        var failures = grains.GetGrain<ISignInFailuresGrain>(ISignInFailuresGrain.Key(email, client));
        var user = grains.GetGrain<IUserGrain>(IUserGrain.Key(email));
        var account = await user.GetAccount();
        // Every path pays for one hash, so the time taken tells neither whether the account exists nor whether it is locked.
        var right = Hasher.VerifyHashedPassword("", account?.PasswordHash ?? DummyHash, password) != PasswordVerificationResult.Failed;
        if (await failures.LockedUntil() is { } locked) return (SignInOutcome.LockedOut, null, locked);
        // A disabled account is answered, and counted, like no account.
        if (account is null || account.Disabled || !right)
        {
            return await failures.Failed() is { } until ? (SignInOutcome.LockedOut, null, until) : (SignInOutcome.WrongCredentials, null, null);
        }

        await failures.Succeeded();
        var ok = await user.LoginSucceeded();
        if (ok.LockedOut) return (SignInOutcome.LockedOut, null, ok.LockedOutUntil);
        if (account.Roles.Any(r => r.Role == Role.Volunteer))
        {
            // Finishes a join that a crash cut short (idempotent; writes nothing when all is in place).
            await user.JoinAsVolunteer(null, new Actor(account.Email, account.DisplayName));
            account = await user.GetAccount() ?? account;
        }

        return (SignInOutcome.Ok, AccountClaims.Principal(account), null);
    }

    /// <summary>Creates the network administrator; only ever succeeds while no account exists.</summary>
    public async Task<Result<UserSummary>> CreateFirstAdmin(string email, string name, string password)
    {
        var problems = CheckPassword(password);
        if (problems.Count > 0) return Result<UserSummary>.Invalid(problems);
        if (!await grains.GetGrain<IUserDirectoryGrain>(0).TryReserveFirstAdmin(email))
        {
            return Result<UserSummary>.Refused(Reason.AdministratorExists);
        }

        return await grains.GetGrain<IUserGrain>(IUserGrain.Key(email))
            .Create(name, Hash(password), [new RoleGrant(Role.NetworkAdmin, null)], AppActors.Setup);
    }

    /// <summary>Issues a single-use link token; only its SHA-256 is stored.</summary>
    public async Task<Result<string>> Invite(RoleGrant grant, string? email, TimeSpan validFor, Actor by, Guid? volunteerId = null)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var token = NewToken();
        var now = clock.GetUtcNow();
        var key = TokenKey(token);
        var created = await grains.GetGrain<IInvitationGrain>(key).Create(new Invitation(grant, email, now + validFor, by, now) { VolunteerId = volunteerId });
        if (!created.IsOk) return created.As<string>();
        var invitation = created.Value!;
        if (grant.Scope is { } scope)
        {
            await grains.GetGrain<IPendingInvitationsGrain>(scope).Add(
                new PendingInvitation(key, grant, invitation.Email, invitation.ExpiresAt, by, now, volunteerId));
        }

        return Result<string>.Ok(token);
    }

    /// <summary>The invitation while it can be shown; a revoked link reads as one that never existed.</summary>
    public async Task<Invitation?> PeekInvitation(string token) =>
        await grains.GetGrain<IInvitationGrain>(TokenKey(token)).Peek() is { RevokedAt: null } invitation ? invitation : null;

    /// <summary>Withdraws a pending link of this place (by the hash the team page lists); the caller has checked who may.</summary>
    public async Task<Result<Invitation>> RevokeInvitation(string scope, string key, Actor by)
    {
        var index = grains.GetGrain<IPendingInvitationsGrain>(scope);
        if (!(await index.List()).Any(p => p.Key == key)) return Result<Invitation>.NotFound(Reason.NoSuchLink);
        var revoked = await grains.GetGrain<IInvitationGrain>(key).Revoke(by);
        await index.Remove(key);
        return revoked;
    }

    /// <summary>Issues a single-use password-reset link for this account; only its hash is stored.</summary>
    public async Task<Result<string>> IssuePasswordReset(string email, TimeSpan validFor, Actor by)
    {
        var token = NewToken();
        var now = clock.GetUtcNow();
        var created = await grains.GetGrain<IPasswordResetGrain>(TokenKey(token)).Create(new PasswordReset(email, now + validFor, by, now));
        return created.IsOk ? Result<string>.Ok(token) : created.As<string>();
    }

    public Task<PasswordReset?> PeekPasswordReset(string token) => grains.GetGrain<IPasswordResetGrain>(TokenKey(token)).Peek();

    /// <summary>Sets a new password through a reset link and uses the link up; the new stamp ends every open session.</summary>
    public async Task<Result<UserSummary>> ResetPassword(string token, string password)
    {
        var problems = CheckPassword(password);
        if (problems.Count > 0) return Result<UserSummary>.Invalid(problems);
        var used = await grains.GetGrain<IPasswordResetGrain>(TokenKey(token)).Use();
        if (!used.IsOk) return used.As<UserSummary>();
        return await grains.GetGrain<IUserGrain>(used.Value!.Email).ChangePassword(Hash(password), new Actor("reset", "Password reset from " + used.Value.CreatedBy.DisplayName));
    }

    /// <summary>Redeems a link: a new account with the granted role, or the role added to an existing account whose password matches.</summary>
    /// <param name="client">The caller's address, as for <see cref="SignIn"/>.</param>
    public async Task<Result<UserSummary>> Accept(string token, string email, string name, string password, string client)
    {
        var problems = CheckPassword(password);
        if (problems.Count > 0) return Result<UserSummary>.Invalid(problems);
        var key = TokenKey(token);
        // The link first: a used, expired or revoked link says nothing about anyone's password.
        var invitation = await grains.GetGrain<IInvitationGrain>(key).Peek();
        if (invitation is null || invitation.RevokedAt is not null) return Result<UserSummary>.NotFound(Reason.InvitationNotValid);
        if (invitation.RedeemedAt is not null) return Result<UserSummary>.Refused(Reason.InvitationUsed);
        if (invitation.ExpiresAt <= clock.GetUtcNow()) return Result<UserSummary>.Refused(Reason.InvitationExpired);
        // A link sent to one address is refused for any other before an account is looked at, so the
        // answer cannot tell whether that email has an account, nor count a failed sign-in against it.
        if (invitation.Email is { } bound && bound != IUserGrain.Key(email)) return Result<UserSummary>.Refused(Reason.InvitationForSomeoneElse);
        var user = grains.GetGrain<IUserGrain>(IUserGrain.Key(email));
        var existing = await user.GetAccount();
        if (existing is not null)
        {
            // Adding a role to an existing account is a sign-in: a client shut out is shut out here too, and every wrong password counts.
            var failures = grains.GetGrain<ISignInFailuresGrain>(ISignInFailuresGrain.Key(email, client));
            if (await failures.LockedUntil() is not null) return Result<UserSummary>.Refused(Reason.LockedOut);
            if (Hasher.VerifyHashedPassword("", existing.PasswordHash, password) == PasswordVerificationResult.Failed || existing.Disabled)
            {
                return Result<UserSummary>.Refused(await failures.Failed() is null ? Reason.WrongExistingPassword : Reason.LockedOut);
            }
        }

        var redeemed = await grains.GetGrain<IInvitationGrain>(key).Redeem(email);
        if (!redeemed.IsOk) return redeemed.As<UserSummary>();
        if (redeemed.Value!.Grant.Scope is { } scope) await grains.GetGrain<IPendingInvitationsGrain>(scope).Remove(key);
        var by = new Actor("invitation", "Invitation from " + redeemed.Value!.CreatedBy.DisplayName);
        var account = existing is null
            ? await user.Create(name, Hash(password), [redeemed.Value.Grant], by)
            : await user.Grant(redeemed.Value.Grant, by);
        // A volunteer invitation makes a volunteer, not just an account with a role.
        return account.IsOk && redeemed.Value.Grant.Role == Role.Volunteer
            ? await user.JoinAsVolunteer(redeemed.Value.VolunteerId, by)
            : account;
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string TokenKey(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
