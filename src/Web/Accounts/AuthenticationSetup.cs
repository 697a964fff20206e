using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MutualAid.Accounts;

namespace MutualAid.Web.Accounts;

public static class AuthenticationSetup
{
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
            // A request that carries a bearer token is an integration's: every endpoint that takes the
            // cookie takes the token instead (and answers 401, not a sign-in redirect); no cookie is
            // read, renewed or issued for it.
            o.ForwardDefaultSelector = http => Api.ApiTokenAuthenticationHandler.Presented(http.Request) is null ? null : Api.ApiTokenScheme.Name;
        }).AddScheme<AuthenticationSchemeOptions, Api.ApiTokenAuthenticationHandler>(Api.ApiTokenScheme.Name, null);
        services.AddAuthorization(Policies.Add);
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, AccountAuthenticationStateProvider>();
        services.AddSingleton<HubDirectory>();
        services.AddSingleton<Access>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PlaceAuthorizationHandler>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<Api.ApiTokenFailures>();
        services.AddSingleton<AccountsBootstrap>();
    }

    /// <summary>
    /// Checks the cookie against the account on every request (one grain call, served from the
    /// activated grain's memory): a removed role, a disabled account or a new password stops the
    /// cookie at the very next request rather than minutes later.
    /// </summary>
    private static async Task Revalidate(CookieValidatePrincipalContext context)
    {
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        // While a failed silo's grains move (seconds), the account read waits as commands do rather than
        // failing the request. If the cluster never answers, this request is not signed in (never waved
        // through), but the cookie is kept: the person is not signed out by an outage.
        UserAccount? account;
        try
        {
            account = await Hosting.ClusterRetry.Pipeline.ExecuteAsync(async _ => await AccountClaims.Current(grains, context.Principal), context.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (Hosting.ClusterRetry.IsTransient(ex))
        {
            context.RejectPrincipal();
            return;
        }

        if (account is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AccountClaims.Scheme);
            return;
        }

        var fresh = AccountClaims.Principal(account);
        if (!AccountClaims.SameAccess(fresh, context.Principal))
        {
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
    }
}
