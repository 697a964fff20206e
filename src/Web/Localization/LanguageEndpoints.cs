using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MutualAid.Accounts;
using MutualAid.Web.Accounts;
using MutualAid.Web.Plain;

namespace MutualAid.Web.Localization;

public static class LanguageEndpoints
{
    public static void MapLanguages(this WebApplication app) =>
        // A form post (with antiforgery, as every form here), not a link: it changes what is stored for the person.
        app.MapPost("/language", async Task<IResult> (HttpContext http, IGrainFactory grains, IStringLocalizer<UiText> t, [FromForm] string? culture, [FromForm] string? returnUrl) =>
        {
            // The header's form, sent by a browser: a page in the reader's language, not a bare string.
            if (!Languages.IsSupported(culture))
            {
                return MessagePages.Alert(t["Public.CheckForm"], t["Language.Choose", string.Join(", ", Languages.Supported.Keys)], StatusCodes.Status400BadRequest);
            }

            var chosen = culture!.ToLowerInvariant();
            Languages.RememberInCookie(http.Response, chosen);
            if (AccountClaims.Email(http.User) is { } email)
            {
                await grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).SetCulture(chosen);
            }

            return Results.LocalRedirect(ReturnUrl.Safe(returnUrl));
        }).RequireRateLimiting(Hosting.RateLimits.Sensitive);

    /// <summary>At sign-in, the account's language wins over whatever this browser had.</summary>
    public static void ApplyAccountCulture(HttpContext http, System.Security.Claims.ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (AccountClaims.PreferredCulture(principal) is { } culture && Languages.IsSupported(culture)) Languages.RememberInCookie(http.Response, culture);
    }
}
