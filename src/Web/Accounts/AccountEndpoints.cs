using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using MutualAid.Common;
using MutualAid.Accounts;
using MutualAid.Web.Localization;
using MutualAid.Web.Plain;
using static MutualAid.Web.Plain.PlainPage;

namespace MutualAid.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>Where a volunteer lands after joining.</summary>
    public const string ProfilePath = "/my/profile";

    public static void MapAccounts(this WebApplication app)
    {
        app.MapGet("/account/login", async (HttpContext http, IGrainFactory grains, string? returnUrl) =>
            await grains.GetGrain<IUserDirectoryGrain>(0).HasUsers()
                ? LoginForm(http, returnUrl, null, [])
                : Results.LocalRedirect("/setup"));
        app.MapPost("/account/login", async (HttpContext http, AccountService accounts, TimeProvider clock,
            [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var (outcome, principal, lockedUntil) = await accounts.SignIn(email, password);
            switch (outcome)
            {
                case SignInOutcome.Ok:
                    await http.SignInAsync(AccountClaims.Scheme, principal!);
                    Localization.LanguageEndpoints.ApplyAccountCulture(http, principal!);
                    return Results.LocalRedirect(SafeReturnUrl(returnUrl));
                case SignInOutcome.LockedOut:
                    var minutes = Math.Max(1, (int)Math.Ceiling(((lockedUntil ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalMinutes));
                    return LoginForm(http, returnUrl, email, [Text(http)["Account.LockedOut", minutes]], StatusCodes.Status429TooManyRequests);
                default:
                    return LoginForm(http, returnUrl, email, [Text(http)["Account.NoMatch"]], StatusCodes.Status400BadRequest);
            }
        }).RequireRateLimiting(Hosting.RateLimits.Sensitive);

        app.MapGet("/account/denied", (HttpContext http) => Render(http, Text(http)["Account.NotAllowed"], $"""<p>{E(Text(http)["Account.NotAllowedText"])} <a href="/">{E(Text(http)["Common.BackToHubs"])}</a>.</p>""", StatusCodes.Status403Forbidden));

        app.MapPost("/account/logout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            // Another site must not be able to sign people out: the header's form carries the token.
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await http.SignOutAsync(AccountClaims.Scheme);
            return Results.LocalRedirect("/account/login");
        });

        app.MapGet("/setup", async (HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IUserDirectoryGrain>(0).HasUsers()
                ? Render(http, Text(http)["Account.AlreadySetUp"], $"""<p>{E(Text(http)["Account.AlreadySetUpText"])} <a href="/account/login">{E(Text(http)["Account.SignIn"])}</a>.</p>""", StatusCodes.Status404NotFound)
                : SetupForm(http, null, null, []));
        app.MapPost("/setup", async (HttpContext http, AccountService accounts, AccountsBootstrap bootstrap,
            [FromForm] string? email, [FromForm] string? name, [FromForm] string? password) =>
        {
            var result = await accounts.CreateFirstAdmin(email ?? "", name ?? "", password ?? "");
            if (!result.IsOk)
            {
                return result.Status == ResultStatus.Refused
                    ? Render(http, Text(http)["Account.AlreadySetUp"], $"<p>{E(result.Message)}</p>", StatusCodes.Status409Conflict)
                    : SetupForm(http, email, name, result.Errors.Select(e => e.Message), StatusCodes.Status400BadRequest);
            }

            await bootstrap.SignInAs(http, email!);
            return Results.LocalRedirect("/admin");
        }).RequireRateLimiting(Hosting.RateLimits.Sensitive);

        app.MapGet("/invite/{token}", async (HttpContext http, AccountService accounts, TimeProvider clock, string token) =>
        {
            var invitation = token.Length is > 10 and < 100 ? await accounts.PeekInvitation(token) : null;
            return UnusableLink(http, invitation, clock) ?? InviteForm(http, token, invitation!, invitation!.Email, null, []);
        });
        app.MapPost("/invite/{token}", async (HttpContext http, AccountService accounts, AccountsBootstrap bootstrap, TimeProvider clock, string token,
            [FromForm] string? email, [FromForm] string? name, [FromForm] string? password) =>
        {
            var invitation = token.Length is > 10 and < 100 ? await accounts.PeekInvitation(token) : null;
            var t = Text(http);
            // A link that cannot be used answers before any password is looked at, so it is no way to test one.
            var unusable = UnusableLink(http, invitation, clock);
            if (unusable is not null || invitation is null) return unusable!;
            var errors = new List<string>();
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal)) errors.Add(t["Account.EnterEmail"]);
            if (string.IsNullOrWhiteSpace(name)) errors.Add(t["Account.EnterName"]);
            if (errors.Count > 0) return InviteForm(http, token, invitation, email, name, errors, StatusCodes.Status400BadRequest);
            var result = await accounts.Accept(token, email!, name!, password ?? "");
            if (!result.IsOk)
            {
                var messages = result.Errors.Count > 0 ? result.Errors.Select(e => e.Message) : [result.Message ?? t["Common.DidNotWork"]];
                return InviteForm(http, token, invitation, email, name, messages, StatusCodes.Status400BadRequest);
            }

            if (!await bootstrap.SignInAs(http, email!)) return Results.LocalRedirect("/account/login");
            // A new volunteer's first stop is their profile: what they help with, when, and their own limits.
            return Results.LocalRedirect(invitation.Grant.Role == Role.Volunteer ? ProfilePath : "/");
        }).RequireRateLimiting(Hosting.RateLimits.Sensitive);
    }

    /// <summary>
    /// A password-reset link a coordinator or admin issued. Unknown, used and expired links all get
    /// the same answer, so a guessed token learns nothing.
    /// </summary>
    public static void MapPasswordReset(this WebApplication app)
    {
        static IResult Invalid(HttpContext http) =>
            Render(http, Text(http)["Account.ResetInvalid"], $"<p>{E(Text(http)["Account.ResetInvalidText"])}</p>", StatusCodes.Status404NotFound);

        app.MapGet("/reset/{token}", async (HttpContext http, AccountService accounts, string token) =>
            token.Length is > 10 and < 100 && await accounts.PeekPasswordReset(token) is not null ? ResetForm(http, token, []) : Invalid(http));
        app.MapPost("/reset/{token}", async (HttpContext http, AccountService accounts, string token, [FromForm] string? password) =>
        {
            if (token.Length is <= 10 or >= 100 || await accounts.PeekPasswordReset(token) is null) return Invalid(http);
            var result = await accounts.ResetPassword(token, password ?? "");
            if (result.Status == ResultStatus.Invalid) return ResetForm(http, token, [Text(http)["Account.NewPassword", AccountService.MinimumPasswordLength]], StatusCodes.Status400BadRequest);
            if (!result.IsOk) return Invalid(http);
            await http.SignOutAsync(AccountClaims.Scheme);
            return Render(http, Text(http)["Account.ResetDone"], $"""<p>{E(Text(http)["Account.ResetDoneText"])} <a href="/account/login">{E(Text(http)["Account.SignIn"])}</a>.</p>""");
        }).RequireRateLimiting(Hosting.RateLimits.Sensitive);
    }

    private static IResult ResetForm(HttpContext http, string token, IEnumerable<string> errors, int status = StatusCodes.Status200OK)
    {
        var t = Text(http);
        return Render(http, t["Account.ResetTitle"], $"""
            {Errors(errors)}
            <form method="post" action="/reset/{E(token)}">
            {Antiforgery(http)}
            {Field("password", t["Account.NewPassword", AccountService.MinimumPasswordLength], "password", autocomplete: "new-password")}
            <button type="submit">{E(t["Account.ResetSave"])}</button>
            </form>
            """, status);
    }

    /// <summary>The page for a link that cannot be used (unknown or revoked, used, expired); null when it can.</summary>
    private static IResult? UnusableLink(HttpContext http, Invitation? invitation, TimeProvider clock)
    {
        var t = Text(http);
        if (invitation is null) return Render(http, t["Account.InvitationInvalid"], $"<p>{E(t["Account.InvitationInvalidText"])}</p>", StatusCodes.Status404NotFound);
        if (invitation.RedeemedAt is not null) return Render(http, t["Account.InvitationUsed"], $"<p>{E(t["Account.InvitationUsedText"])}</p>", StatusCodes.Status410Gone);
        if (invitation.ExpiresAt <= clock.GetUtcNow()) return Render(http, t["Account.InvitationExpired"], $"<p>{E(t["Account.InvitationExpiredText"])}</p>", StatusCodes.Status410Gone);
        return null;
    }

    private static IResult LoginForm(HttpContext http, string? returnUrl, string? email, IEnumerable<string> errors, int status = StatusCodes.Status200OK)
    {
        var t = Text(http);
        return Render(http, t["Account.SignIn"], $"""
            {Errors(errors)}
            <form method="post" action="/account/login">
            {Antiforgery(http)}
            <input type="hidden" name="returnUrl" value="{E(SafeReturnUrl(returnUrl))}">
            {Field("email", t["Public.Email"], "email", email, autocomplete: "username")}
            {Field("password", t["Account.Password"], "password", autocomplete: "current-password")}
            <button type="submit">{E(t["Account.SignIn"])}</button>
            </form>
            <p class="hint">{E(t["Account.NoAccount"])} <a href="/ask">{E(t["Public.AskTitle"])}</a> · <a href="/offer">{E(t["Public.OfferTitle"])}</a></p>
            """, status);
    }

    private static IResult SetupForm(HttpContext http, string? email, string? name, IEnumerable<string> errors, int status = StatusCodes.Status200OK)
    {
        var t = Text(http);
        return Render(http, t["Account.SetupTitle"], $"""
            <p>{E(t["Account.SetupIntro"])}</p>
            {Errors(errors)}
            <form method="post" action="/setup">
            {Antiforgery(http)}
            {Field("email", t["Public.Email"], "email", email, autocomplete: "username")}
            {Field("name", t["Public.YourName"], "text", name, max: 100)}
            {Field("password", t["Account.NewPassword", AccountService.MinimumPasswordLength], "password", autocomplete: "new-password")}
            <button type="submit">{E(t["Account.CreateAdmin"])}</button>
            </form>
            """, status);
    }

    private static IResult InviteForm(HttpContext http, string token, Invitation invitation, string? email, string? name, IEnumerable<string> errors, int status = StatusCodes.Status200OK)
    {
        var t = Text(http);
        return Render(http, t["Account.JoinTitle"], $"""
            <p>{t["Account.InvitedYou", E(invitation.CreatedBy.DisplayName), $"<strong>{E(t.Word(invitation.Grant.Role))}</strong>", $"<strong>{E(invitation.Grant.Scope)}</strong>"]}</p>
            {Errors(errors)}
            <form method="post" action="/invite/{E(token)}">
            {Antiforgery(http)}
            {Field("email", t["Public.Email"], "email", email ?? invitation.Email, autocomplete: "username")}
            {Field("name", t["Public.YourName"], "text", name, max: 100)}
            {Field("password", t["Account.JoinPassword", AccountService.MinimumPasswordLength], "password", autocomplete: "new-password")}
            <button type="submit">{E(t["Account.Join"])}</button>
            </form>
            """, status);
    }
}

/// <summary>Signs a freshly created or invited account in, from its stored roles.</summary>
public sealed class AccountsBootstrap(IGrainFactory grains)
{
    /// <summary>Signs in, as a password sign-in would: a locked or disabled account is not signed in (false), and the sign-in is recorded.</summary>
    public async Task<bool> SignInAs(HttpContext http, string email)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = grains.GetGrain<IUserGrain>(IUserGrain.Key(email));
        if ((await user.LoginSucceeded()).LockedOut) return false;
        var account = await user.GetAccount()
            ?? throw new InvalidOperationException("The account was just created but cannot be read.");
        if (account.Disabled) return false;
        await http.SignInAsync(AccountClaims.Scheme, AccountClaims.Principal(account));
        return true;
    }
}
