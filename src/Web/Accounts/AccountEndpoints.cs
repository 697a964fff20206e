using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MutualAid.Accounts;
using MutualAid.Common;
using MutualAid.Web.Hosting;
using MutualAid.Web.Localization;
using MutualAid.Web.Plain;
using MutualAid.Web.Region;

namespace MutualAid.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>Where a volunteer lands after joining.</summary>
    public const string ProfilePath = "/my/profile";

    public static void MapAccounts(this WebApplication app)
    {
        app.MapGet("/account/login", SignInForm);
        app.MapPost("/account/login", SignIn).RequireRateLimiting(RateLimits.Sensitive);
        app.MapGet("/account/denied", Denied);
        app.MapPost("/account/logout", SignOut);
        app.MapGet("/setup", SetupForm);
        app.MapPost("/setup", Setup).RequireRateLimiting(RateLimits.Sensitive);
        app.MapGet("/invite/{token}", InviteForm);
        app.MapPost("/invite/{token}", Join).RequireRateLimiting(RateLimits.Sensitive);
    }

    /// <summary>
    /// A password-reset link a coordinator or admin issued. Unknown, used and expired links all get
    /// the same answer, so a guessed token learns nothing.
    /// </summary>
    public static void MapPasswordReset(this WebApplication app)
    {
        app.MapGet("/reset/{token}", ResetForm);
        app.MapPost("/reset/{token}", Reset).RequireRateLimiting(RateLimits.Sensitive);
    }

    public static async Task<Results<RazorComponentResult<SignInPage>, RedirectHttpResult>> SignInForm(IGrainFactory grains, string? returnUrl) =>
        await grains.GetGrain<IUserDirectoryGrain>(0).HasUsers() ? SignInPage(returnUrl, null, []) : TypedResults.LocalRedirect("/setup");

    public static async Task<Results<RedirectHttpResult, RazorComponentResult<SignInPage>>> SignIn(
        HttpContext http, AccountService accounts, TimeProvider clock, IStringLocalizer<UiText> t,
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var (outcome, principal, lockedUntil) = await accounts.SignIn(email, password, RateLimits.ClientKey(http));
        switch (outcome)
        {
            case SignInOutcome.Ok:
                await http.SignInAsync(AccountClaims.Scheme, principal!);
                LanguageEndpoints.ApplyAccountCulture(http, principal!);
                return TypedResults.LocalRedirect(ReturnUrl.Safe(returnUrl));
            case SignInOutcome.LockedOut:
                var minutes = Math.Max(1, (int)Math.Ceiling(((lockedUntil ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalMinutes));
                return SignInPage(returnUrl, email, [t["Account.LockedOut", minutes]], StatusCodes.Status429TooManyRequests);
            default:
                return SignInPage(returnUrl, email, [t["Account.NoMatch"]], StatusCodes.Status400BadRequest);
        }
    }

    public static RazorComponentResult<MessagePage> Denied(IStringLocalizer<UiText> t) =>
        Message(t["Account.NotAllowed"], t["Account.NotAllowedText"], StatusCodes.Status403Forbidden, "/", t["Common.BackToHubs"]);

    public static async Task<Results<RedirectHttpResult, RazorComponentResult<MessagePage>>> SignOut(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<UiText> t)
    {
        // Another site must not be able to sign people out: the header's form carries the token. A page
        // left open too long has an expired one, and its reader gets a page that says what to do.
        if (!await antiforgery.IsRequestValidAsync(http)) return MessagePages.SendAgain(t);
        await http.SignOutAsync(AccountClaims.Scheme);
        return TypedResults.LocalRedirect("/account/login");
    }

    public static async Task<Results<RazorComponentResult<SetupPage>, RazorComponentResult<MessagePage>>> SetupForm(IGrainFactory grains, IStringLocalizer<UiText> t) =>
        await grains.GetGrain<IUserDirectoryGrain>(0).HasUsers()
            ? Message(t["Account.AlreadySetUp"], t["Account.AlreadySetUpText"], StatusCodes.Status404NotFound, "/account/login", t["Account.SignIn"])
            : SetupPage(null, null, []);

    public static async Task<Results<RedirectHttpResult, RazorComponentResult<SetupPage>, RazorComponentResult<MessagePage>>> Setup(
        HttpContext http, AccountService accounts, AccountsBootstrap bootstrap, IStringLocalizer<UiText> t,
        [FromForm] string? email, [FromForm] string? name, [FromForm] string? password)
    {
        var result = await accounts.CreateFirstAdmin(email ?? "", name ?? "", password ?? "");
        if (!result.IsOk)
        {
            return result.Status == ResultStatus.Refused
                ? Message(t["Account.AlreadySetUp"], Said(t, result), StatusCodes.Status409Conflict)
                : SetupPage(email, name, result.Errors.Select(t.Say).ToList(), StatusCodes.Status400BadRequest);
        }

        await bootstrap.SignInAs(http, email!);
        return TypedResults.LocalRedirect("/admin");
    }

    public static async Task<Results<RazorComponentResult<InvitePage>, RazorComponentResult<MessagePage>>> InviteForm(
        AccountService accounts, RegionService regions, TimeProvider clock, IStringLocalizer<UiText> t, string token)
    {
        var invitation = await PeekInvitation(accounts, token);
        return UnusableLink(t, invitation, clock) is { } unusable ? unusable : InvitePage(token, invitation!, await regions.ScopeName(invitation!.Grant), invitation.Email, null, []);
    }

    public static async Task<Results<RedirectHttpResult, RazorComponentResult<InvitePage>, RazorComponentResult<MessagePage>>> Join(
        HttpContext http, AccountService accounts, AccountsBootstrap bootstrap, RegionService regions, TimeProvider clock, IStringLocalizer<UiText> t, string token,
        [FromForm] string? email, [FromForm] string? name, [FromForm] string? password)
    {
        var invitation = await PeekInvitation(accounts, token);
        // A link that cannot be used answers before any password is looked at, so it is no way to test one.
        if (UnusableLink(t, invitation, clock) is { } unusable) return unusable;
        var scopeName = await regions.ScopeName(invitation!.Grant);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal)) errors.Add(t["Account.EnterEmail"]);
        if (string.IsNullOrWhiteSpace(name)) errors.Add(t["Account.EnterName"]);
        if (errors.Count > 0) return InvitePage(token, invitation, scopeName, email, name, errors, StatusCodes.Status400BadRequest);
        var result = await accounts.Accept(token, email!, name!, password ?? "", RateLimits.ClientKey(http));
        if (!result.IsOk)
        {
            var messages = result.Errors.Count > 0 ? result.Errors.Select(t.Say).ToList() : [Said(t, result, t["Common.DidNotWork"])];
            return InvitePage(token, invitation, scopeName, email, name, messages, StatusCodes.Status400BadRequest);
        }

        if (!await bootstrap.SignInAs(http, email!)) return TypedResults.LocalRedirect("/account/login");
        // A new volunteer's first stop is their profile: what they help with, when, and their own limits.
        return TypedResults.LocalRedirect(invitation!.Grant.Role == Role.Volunteer ? ProfilePath : "/");
    }

    public static async Task<Results<RazorComponentResult<ResetPage>, RazorComponentResult<MessagePage>>> ResetForm(
        AccountService accounts, IStringLocalizer<UiText> t, string token) =>
        await UsableReset(accounts, token) ? ResetPage(token, []) : ResetInvalid(t);

    public static async Task<Results<RazorComponentResult<ResetPage>, RazorComponentResult<MessagePage>>> Reset(
        HttpContext http, AccountService accounts, IStringLocalizer<UiText> t, string token, [FromForm] string? password)
    {
        if (!await UsableReset(accounts, token)) return ResetInvalid(t);
        var result = await accounts.ResetPassword(token, password ?? "");
        if (result.Status == ResultStatus.Invalid) return ResetPage(token, [t["Account.NewPassword", AccountService.MinimumPasswordLength]], StatusCodes.Status400BadRequest);
        if (!result.IsOk) return ResetInvalid(t);
        await http.SignOutAsync(AccountClaims.Scheme);
        return Message(t["Account.ResetDone"], t["Account.ResetDoneText"], StatusCodes.Status200OK, "/account/login", t["Account.SignIn"]);
    }

    /// <summary>A token too short or too long to be one of ours is not looked up at all.</summary>
    private static bool Plausible(string token) => token.Length is > 10 and < 100;

    private static async Task<Invitation?> PeekInvitation(AccountService accounts, string token) =>
        Plausible(token) ? await accounts.PeekInvitation(token) : null;

    private static async Task<bool> UsableReset(AccountService accounts, string token) =>
        Plausible(token) && await accounts.PeekPasswordReset(token) is not null;

    private static RazorComponentResult<MessagePage> ResetInvalid(IStringLocalizer<UiText> t) =>
        Message(t["Account.ResetInvalid"], t["Account.ResetInvalidText"], StatusCodes.Status404NotFound);

    /// <summary>The page for a link that cannot be used (unknown or revoked, used, expired); null when it can.</summary>
    private static RazorComponentResult<MessagePage>? UnusableLink(IStringLocalizer<UiText> t, Invitation? invitation, TimeProvider clock) =>
        invitation is null ? Message(t["Account.InvitationInvalid"], t["Account.InvitationInvalidText"], StatusCodes.Status404NotFound)
        : invitation.RedeemedAt is not null ? Message(t["Account.InvitationUsed"], t["Account.InvitationUsedText"], StatusCodes.Status410Gone)
        : invitation.ExpiresAt <= clock.GetUtcNow() ? Message(t["Account.InvitationExpired"], t["Account.InvitationExpiredText"], StatusCodes.Status410Gone)
        : null;

    /// <summary>A refusal in the reader's language when it is coded, else as the grain wrote it.</summary>
    private static string Said<T>(IStringLocalizer<UiText> t, Result<T> result, string? otherwise = null) =>
        result.Said is { } said ? t.Say(said) : result.Message ?? otherwise ?? "";

    private static RazorComponentResult<MessagePage> Message(string title, string text, int status, string? linkHref = null, string? linkText = null) =>
        new(new { Title = title, Text = text, LinkHref = linkHref, LinkText = linkText }) { StatusCode = status };

    private static RazorComponentResult<SignInPage> SignInPage(string? returnUrl, string? email, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK) =>
        new(new { Return = returnUrl, Email = email, Errors = errors }) { StatusCode = status };

    private static RazorComponentResult<SetupPage> SetupPage(string? email, string? name, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK) =>
        new(new { Email = email, Name = name, Errors = errors }) { StatusCode = status };

    private static RazorComponentResult<InvitePage> InvitePage(string token, Invitation invitation, string scopeName, string? email, string? name, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK) =>
        new(new { Token = token, Invitation = invitation, ScopeName = scopeName, Email = email, Name = name, Errors = errors }) { StatusCode = status };

    private static RazorComponentResult<ResetPage> ResetPage(string token, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK) =>
        new(new { Token = token, Errors = errors }) { StatusCode = status };
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
