using System.Globalization;
using System.Security.Claims;
using MutualAid.Accounts;

namespace MutualAid.Web.Accounts;

/// <summary>How an account is carried in the sign-in cookie.</summary>
public static class AccountClaims
{
    public const string Role = "ma:role";
    public const string Volunteer = "ma:volunteer";
    public const string Stamp = "ma:stamp";
    public const string Culture = "ma:culture";
    public const string Scheme = "MutualAid";

    public static ClaimsPrincipal Principal(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Email),
            new(ClaimTypes.Name, account.DisplayName),
            new(Stamp, account.SecurityStamp.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(Role, r.ToString())));
        if (account.VolunteerId is { } v) claims.Add(new Claim(Volunteer, v.ToString()));
        if (account.Culture is { Length: > 0 } culture) claims.Add(new Claim(Culture, culture));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, Role));
    }

    public static IReadOnlyList<RoleGrant> Roles(ClaimsPrincipal? user) =>
        user?.FindAll(Role).Select(c => RoleGrant.Parse(c.Value)).OfType<RoleGrant>().ToArray() ?? [];

    public static Guid? VolunteerId(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(Volunteer)?.Value, out var id) ? id : null;

    public static string? PreferredCulture(ClaimsPrincipal? user) => user?.FindFirst(Culture)?.Value;

    public static string? Email(ClaimsPrincipal? user) => user?.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    public static string? SecurityStamp(ClaimsPrincipal? user) => user?.FindFirst(Stamp)?.Value;

    /// <summary>
    /// The account behind this principal if it may still act: it exists, is not disabled, and its
    /// security stamp is the one the principal was issued with (a role removed, a password changed
    /// or the account disabled all change the stamp). Null otherwise.
    /// </summary>
    public static async Task<UserAccount?> Current(IGrainFactory grains, ClaimsPrincipal? user)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (Email(user) is not { } email) return null;
        var account = await grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount();
        return Valid(account, SecurityStamp(user)) ? account : null;
    }

    public static bool Valid(UserAccount? account, string? stamp) =>
        account is { Disabled: false } && account.SecurityStamp.ToString(CultureInfo.InvariantCulture) == stamp;

    /// <summary>True when both principals carry the same roles, volunteer and stamp (what access depends on).</summary>
    public static bool SameAccess(ClaimsPrincipal? a, ClaimsPrincipal? b)
    {
        static string Key(ClaimsPrincipal? p) => string.Join("|", (p?.Claims ?? []).Where(c => c.Type is Role or Volunteer or Stamp or ClaimTypes.Name)
            .Select(c => c.Type + "=" + c.Value).Order(StringComparer.Ordinal));
        return Key(a) == Key(b);
    }
}
