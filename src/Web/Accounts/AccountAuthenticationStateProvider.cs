using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace MutualAid.Web.Accounts;

/// <summary>
/// A circuit's signed-in person, re-read from the account every couple of seconds: when a role is
/// removed, the account disabled or the password changed, the circuit's principal becomes
/// anonymous, so pages guarded by a role fall away and <see cref="Users.CurrentUser"/> follows.
/// A change that keeps the stamp (a volunteer linked, a new name) replaces the principal instead.
/// </summary>
public sealed class AccountAuthenticationStateProvider(ILoggerFactory loggers, IGrainFactory grains)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    /// <summary>Short, so a revoked person loses the hub in well under five seconds.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var account = await AccountClaims.Current(grains, authenticationState.User);
        if (account is null) return false;
        var fresh = AccountClaims.Principal(account);
        if (!AccountClaims.SameAccess(fresh, authenticationState.User)) SetAuthenticationState(Task.FromResult(new AuthenticationState(fresh)));
        return true;
    }
}
