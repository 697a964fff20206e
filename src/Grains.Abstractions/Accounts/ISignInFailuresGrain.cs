namespace MutualAid.Accounts;

/// <summary>
/// Wrong passwords for one email from one client address (see <see cref="Key"/>), whether or not the
/// email has an account. Five in a row shut that address out of that email for a while: guessing is
/// slowed, yet no one can lock a person out from the address they sign in from, and being shut out
/// says nothing about whether the account exists.
/// </summary>
[Alias("MutualAid.ISignInFailuresGrain")]
public interface ISignInFailuresGrain : IGrainWithStringKey
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>The client (an address, as the rate limiter names it) first: it never holds the separator, an email may.</summary>
    public static string Key(string email, string client) => $"{client}|{IUserGrain.Key(email)}";

    /// <summary>Until when this client is shut out of this email; null when it is not.</summary>
    [Alias("LockedUntil")] Task<DateTimeOffset?> LockedUntil();

    /// <summary>Counts a wrong password; the fifth in a row shuts the client out (when until is returned).</summary>
    [Alias("Failed")] Task<DateTimeOffset?> Failed();

    /// <summary>The right password: the count starts again.</summary>
    [Alias("Succeeded")] Task Succeeded();
}
