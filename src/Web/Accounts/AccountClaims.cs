using System.Globalization;
using System.Security.Claims;
using MutualAid.Accounts;
using MutualAid.ApiTokens;
using MutualAid.Common;

namespace MutualAid.Web.Accounts;

/// <summary>How an account is carried in the sign-in cookie.</summary>
public static class AccountClaims
{
    public const string Role = "ma:role";
    public const string Volunteer = "ma:volunteer";
    public const string Stamp = "ma:stamp";
    public const string Culture = "ma:culture";
    public const string Scheme = "MutualAid";

    /// <summary>The id of the API token a principal stands for (integrations, never people).</summary>
    public const string Token = "ma:token";

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

    /// <summary>
    /// An integration acting with a token: a dispatch token is the hub's dispatcher; a read token is
    /// a volunteer of the hub bound to no volunteer, so it sees the redacted board and can act on nothing.
    /// It has no email, so nothing that needs an account (sign-in revalidation) takes it; the live
    /// board re-reads the token itself (<see cref="Board.BoardViewers"/>).
    /// </summary>
    public static ClaimsPrincipal Principal(ApiTokenGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var role = grant.Scope == ApiTokenScope.Dispatch ? MutualAid.Accounts.Role.Dispatcher : MutualAid.Accounts.Role.Volunteer;
        Claim[] claims =
        [
            new(Token, grant.Id.ToString()),
            new(ClaimTypes.Name, grant.Name + AppActors.TokenSuffix),
            new(Role, new RoleGrant(role, grant.Hub).ToString()),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Api.ApiTokenScheme.Name, ClaimTypes.Name, Role));
    }

    /// <summary>Who acts, as audit entries name them: the account, or the token (so an entry says which token did it).</summary>
    public static Actor Actor(ClaimsPrincipal? user)
    {
        if (Guid.TryParse(user?.FindFirst(Token)?.Value, out var token)) return new Actor($"token:{token}", user!.Identity?.Name ?? "API token");
        return Email(user) is { } email ? new Actor(email, user!.Identity?.Name ?? email) : new Actor("anonymous", "Anonymous");
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
