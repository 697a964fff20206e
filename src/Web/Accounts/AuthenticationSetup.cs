using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MutualAid.Accounts;

namespace MutualAid.Web.Accounts;

public static class AuthenticationSetup
{
    /// <summary>How often a signed-in cookie is checked against the account (revoked roles, password change, erased account).</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    public static void AddMutualAidAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(AccountClaims.Scheme).AddCookie(AccountClaims.Scheme, o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "ma-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = Revalidate;
        });
        services.AddAuthorization(Policies.Add);
        services.AddCascadingAuthenticationState();
        services.AddSingleton<HubDirectory>();
        services.AddSingleton<Access>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PlaceAuthorizationHandler>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<AccountsBootstrap>();
    }

    /// <summary>Refreshes roles from the account and signs out a cookie whose account was changed or removed.</summary>
    private static async Task Revalidate(CookieValidatePrincipalContext context)
    {
        var issued = context.Properties.IssuedUtc ?? DateTimeOffset.MinValue;
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (clock.GetUtcNow() - issued < Recheck) return;
        var email = AccountClaims.Email(context.Principal);
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var account = email is null ? null : await grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount();
        var stamp = context.Principal?.FindFirst(AccountClaims.Stamp)?.Value;
        if (account is null || account.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture) != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AccountClaims.Scheme);
            return;
        }

        context.ReplacePrincipal(AccountClaims.Principal(account));
        context.ShouldRenew = true;
    }
}
