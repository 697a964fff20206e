namespace MutualAid.Accounts;

/// <summary>
/// The list of accounts (key 0). Decides the one-time first-administrator bootstrap atomically.
/// User grains call up into it; it never calls a user grain.
/// </summary>
[Alias("MutualAid.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>True only while no account exists and nobody else has reserved the first admin.</summary>
    [Alias("TryReserveFirstAdmin")] Task<bool> TryReserveFirstAdmin(string email);

    [Alias("HasUsers")] Task<bool> HasUsers();

    [Alias("Upsert")] Task Upsert(UserSummary user);

    [Alias("List")] Task<IReadOnlyList<UserSummary>> List();
}
