namespace MutualAid.Accounts;

/// <summary>A sign-in account, keyed by the normalised (trimmed, lower-case) email.</summary>
[Alias("MutualAid.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    public static string Key(string email) => email.Trim().ToLowerInvariant();

    /// <summary>What an account's email must look like: someone@somewhere, no spaces, at most 200 characters.</summary>
    public static bool LooksLikeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Length is > 0 and <= 200 && ContactDetails.IsEmail(email) && email == email.Trim();
    }

    /// <summary>Creates the account; the password arrives already hashed by the web tier.</summary>
    [Alias("Create")] Task<Result<UserSummary>> Create(string displayName, string passwordHash, IReadOnlyList<RoleGrant> roles, Actor actor);

    [Alias("GetAccount")] Task<UserAccount?> GetAccount();

    /// <summary>Refused while locked out; otherwise clears the failure count and records the sign-in time.</summary>
    [Alias("LoginSucceeded")] Task<LoginAttempt> LoginSucceeded();

    [Alias("Grant")] Task<Result<UserSummary>> Grant(RoleGrant grant, Actor actor);

    [Alias("Revoke")] Task<Result<UserSummary>> Revoke(RoleGrant grant, Actor actor);

    /// <summary>
    /// Makes this account a volunteer of every hub it holds the Volunteer role in: binds it to
    /// <paramref name="existingVolunteerId"/> (an imported volunteer it was invited as) or to its own
    /// volunteer, created on first join. Idempotent; sign-in calls it again to finish a join a crash cut short.
    /// </summary>
    [Alias("JoinAsVolunteer")] Task<Result<UserSummary>> JoinAsVolunteer(Guid? existingVolunteerId, Actor actor);

    [Alias("LinkVolunteer")] Task<Result<UserSummary>> LinkVolunteer(Guid volunteerId, Actor actor);

    /// <summary>Remembers the interface language (a short culture name such as "es").</summary>
    [Alias("SetCulture")] Task<Result<UserSummary>> SetCulture(string culture);

    /// <summary>Switches the account off (or on again); either way every open session ends.</summary>
    [Alias("SetDisabled")] Task<Result<UserSummary>> SetDisabled(bool disabled, Actor actor);

    [Alias("ChangePassword")] Task<Result<UserSummary>> ChangePassword(string passwordHash, Actor actor);

    /// <summary>
    /// For an account kept after the volunteer bound to it was erased (it holds roles the erasing
    /// hub may not end): drops its Volunteer role at each of <paramref name="hubs"/> and its binding
    /// to <paramref name="volunteerId"/>, in one write. The erased volunteer is not asked to leave
    /// those hubs: its tombstone stays in their counts. Idempotent; it tells the directory every
    /// time, so erasing again finishes a run a crash cut short.
    /// </summary>
    [Alias("LetGoOfErasedVolunteer")] Task<Result<UserSummary>> LetGoOfErasedVolunteer(Guid volunteerId, IReadOnlyList<string> hubs, Actor actor);

    /// <summary>
    /// Forgets the account of a person whose personal data was erased: its state is cleared (so no
    /// sign-in or session works, and the email may register afresh) and the directory keeps only a
    /// tombstone. Idempotent, so a retry finishes an erasure a crash cut short.
    /// </summary>
    [Alias("Forget")] Task Forget(Actor actor);
}
