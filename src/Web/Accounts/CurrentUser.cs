using System.Security.Claims;
using MutualAid.Accounts;
using MutualAid.Common;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Accounts;

/// <summary>
/// The signed-in person of this circuit or request: set once by <c>SignedInScope</c> before any page
/// renders, and by <see cref="CurrentUserMiddleware"/> before any endpoint runs. Pages ask it what the
/// person may do; the same <see cref="Access"/> rules guard the commands.
/// </summary>
public sealed class CurrentUser(Access access)
{
    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());

    public Actor Actor { get; private set; } = new("anonymous", "Anonymous");

    /// <summary>
    /// Who acts, as log lines name them: the account's email is its id, and logs hold no personal
    /// data, so this is <see cref="LogSafe.Account"/> of it (computed once, for every line).
    /// </summary>
    public string LogId { get; private set; } = "anonymous";

    public IReadOnlyList<RoleGrant> Roles => AccountClaims.Roles(Principal);

    public Guid? VolunteerId => AccountClaims.VolunteerId(Principal);

    /// <summary>Identifies this browser tab for presence (one person may have several).</summary>
    public string ViewerId { get; } = Guid.NewGuid().ToString("N");

    public void Set(ClaimsPrincipal principal)
    {
        Principal = principal ?? throw new ArgumentNullException(nameof(principal));
        Actor = AccountClaims.Actor(principal);
        LogId = LogSafe.Account(Actor.UserId);
    }

    public Task<bool> Can(Ability permission, string? hub, string? region = null) => access.Can(Principal, permission, hub, region);

    /// <summary>
    /// A read of <paramref name="hub"/>'s grains for a person who may <paramref name="permission"/> there;
    /// anyone else is refused with <paramref name="refusal"/> (which may name the hub) before any grain is asked.
    /// </summary>
    public async Task<Result<T>> Read<T>(Ability permission, string hub, Reason refusal, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return await Can(permission, hub) ? Result<T>.Ok(await read()) : Result<T>.Refused(refusal, hub);
    }
}
