namespace MutualAid.Accounts;

/// <summary>
/// The list of accounts (key 0). Decides the one-time first-administrator bootstrap atomically.
/// User grains call up into it; it never calls a user grain.
/// </summary>
[Alias("MutualAid.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>How the key of an erased account's tombstone starts (never an email: it has no '@').</summary>
    public const string TombstonePrefix = "erased:";

    /// <summary>True only while no account exists and nobody else has reserved the first admin.</summary>
    [Alias("TryReserveFirstAdmin")] Task<bool> TryReserveFirstAdmin(string email);

    [Alias("HasUsers")] Task<bool> HasUsers();

    [Alias("Upsert")] Task Upsert(UserSummary user);

    [Alias("List")] Task<IReadOnlyList<UserSummary>> List();

    /// <summary>
    /// Whether an enabled account holds <paramref name="grant"/>: the access policy asks it on each
    /// request that depends on it (does hub X have a safeguarding person?), so it answers from memory
    /// without listing every account. Calls nothing.
    /// </summary>
    [Alias("AnyHolds")] Task<bool> AnyHolds(RoleGrant grant);

    /// <summary>
    /// Replaces the entry of an erased account by a tombstone under a key that is not the email:
    /// no name, no roles, disabled, still bound to its volunteer (so that erased volunteer is never
    /// offered for a new account). Nothing happens when the email is not listed.
    /// </summary>
    [Alias("Forget")] Task Forget(string email);
}
