using System.Security.Claims;
using MutualAid.ApiTokens;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Board;

/// <summary>
/// Who a live board connection stands for now: a person's account or an integration's API token,
/// each as it is at this moment rather than when the connection opened. The hub's calls and the
/// sweep both ask here, so a token is judged the same way on joining as while it watches.
/// </summary>
public static class BoardViewers
{
    /// <summary>The API token a connection authenticated with, if it is an integration's.</summary>
    public static Guid? Token(ClaimsPrincipal? user) => Guid.TryParse(user?.FindFirst(AccountClaims.Token)?.Value, out var id) ? id : null;

    /// <summary>The principal to check rights with, or null when the account or token may no longer act.</summary>
    public static async Task<ClaimsPrincipal?> Current(IGrainFactory grains, ClaimsPrincipal? user)
    {
        if (Token(user) is { } token) return await OfToken(grains, token);
        var account = await AccountClaims.Current(grains, user);
        return account is null ? null : AccountClaims.Principal(account);
    }

    /// <summary>
    /// The token's grant while it is live. Asking by id alone is enough: the id comes from the
    /// connection's ticket, issued only once its secret was verified, and the secret is not kept
    /// for the connection's lifetime. A token's hub and scope never change; revoking or expiry ends it,
    /// judged by the token grain's clock as its verification is.
    /// </summary>
    public static async Task<ClaimsPrincipal?> OfToken(IGrainFactory grains, Guid token)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var view = await grains.GetGrain<IApiTokenGrain>(token).View();
        return view is null || view.Ended ? null : AccountClaims.Principal(new ApiTokenGrant(view.Id, view.Hub, view.Scope, view.Name));
    }
}
