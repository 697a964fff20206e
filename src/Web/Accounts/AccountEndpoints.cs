using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using MutualAid.Common;
using MutualAid.Accounts;
using MutualAid.Web.Plain;
using static MutualAid.Web.Plain.PlainPage;

namespace MutualAid.Web.Accounts;

public static class AccountEndpoints
{
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
                    return Results.LocalRedirect(SafeReturnUrl(returnUrl));
                case SignInOutcome.LockedOut:
                    var minutes = Math.Max(1, (int)Math.Ceiling(((lockedUntil ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalMinutes));
                    return LoginForm(http, returnUrl, email, [$"Too many failed attempts. Try again in {minutes} min."], StatusCodes.Status429TooManyRequests);
                default:
                    return LoginForm(http, returnUrl, email, ["That email and password do not match."], StatusCodes.Status400BadRequest);
            }
        }).RequireRateLimiting(Hosting.RateLimits.Sensitive);

        app.MapGet("/account/denied", () => Render("Not allowed", """<p>Your role does not include that page. <a href="/">Back to your hubs</a>.</p>""", StatusCodes.Status403Forbidden));

        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(AccountClaims.Scheme);
            return Results.LocalRedirect("/account/login");
        });

        app.MapGet("/setup", async (HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IUserDirectoryGrain>(0).HasUsers()
                ? Render("Already set up", """<p>This network already has an administrator. Ask a coordinator for an invitation link, or <a href="/account/login">sign in</a>.</p>""", StatusCodes.Status404NotFound)
                : SetupForm(http, null, null, []));
        app.MapPost("/setup", async (HttpContext http, AccountService accounts, AccountsBootstrap bootstrap,
            [FromForm] string? email, [FromForm] string? name, [FromForm] string? password) =>
        {
            var result = await accounts.CreateFirstAdmin(email ?? "", name ?? "", password ?? "");
            if (!result.IsOk)
            {
                return result.Status == ResultStatus.Refused
                    ? Render("Already set up", $"<p>{E(result.Message)}</p>", StatusCodes.Status409Conflict)
                    : SetupForm(http, email, name, result.Errors.Select(e => e.Message), StatusCodes.Status400BadRequest);
            }

            await bootstrap.SignInAs(http, email!);
            return Results.LocalRedirect("/admin");
        }).RequireRateLimiting(Hosting.RateLimits.Sensitive);

        app.MapGet("/invite/{token}", async (HttpContext http, AccountService accounts, TimeProvider clock, string token) =>
        {
            var invitation = token.Length is > 10 and < 100 ? await accounts.PeekInvitation(token) : null;
            if (invitation is null) return Render("Invitation not valid", "<p>This invitation link is not valid. Ask for a new one.</p>", StatusCodes.Status404NotFound);
            if (invitation.RedeemedAt is not null) return Render("Invitation used", "<p>This invitation link has already been used.</p>", StatusCodes.Status410Gone);
            if (invitation.ExpiresAt <= clock.GetUtcNow()) return Render("Invitation expired", "<p>This invitation link has expired; ask for a new one.</p>", StatusCodes.Status410Gone);
            return InviteForm(http, token, invitation, invitation.Email, null, []);
        });
        app.MapPost("/invite/{token}", async (HttpContext http, AccountService accounts, AccountsBootstrap bootstrap, string token,
            [FromForm] string? email, [FromForm] string? name, [FromForm] string? password) =>
        {
            var invitation = token.Length is > 10 and < 100 ? await accounts.PeekInvitation(token) : null;
            if (invitation is null) return Render("Invitation not valid", "<p>This invitation link is not valid.</p>", StatusCodes.Status404NotFound);
            var errors = new List<string>();
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal)) errors.Add("Enter your email address.");
            if (string.IsNullOrWhiteSpace(name)) errors.Add("Enter the name others will see.");
            if (errors.Count > 0) return InviteForm(http, token, invitation, email, name, errors, StatusCodes.Status400BadRequest);
            var result = await accounts.Accept(token, email!, name!, password ?? "");
            if (!result.IsOk)
            {
                var messages = result.Errors.Count > 0 ? result.Errors.Select(e => e.Message) : [result.Message ?? "That did not work."];
                return InviteForm(http, token, invitation, email, name, messages, StatusCodes.Status400BadRequest);
            }

            await bootstrap.SignInAs(http, email!);
            return Results.LocalRedirect("/");
        }).RequireRateLimiting(Hosting.RateLimits.Sensitive);
    }

    private static IResult LoginForm(HttpContext http, string? returnUrl, string? email, IEnumerable<string> errors, int status = StatusCodes.Status200OK) =>
        Render("Sign in", $"""
            {Errors(errors)}
            <form method="post" action="/account/login">
            {Antiforgery(http)}
            <input type="hidden" name="returnUrl" value="{E(SafeReturnUrl(returnUrl))}">
            {Field("email", "Email", "email", email, autocomplete: "username")}
            {Field("password", "Password", "password", autocomplete: "current-password")}
            <button type="submit">Sign in</button>
            </form>
            <p class="hint">No account? Ask your hub's coordinator for an invitation link. Need help or want to offer help? <a href="/ask">Ask for help</a> · <a href="/offer">Offer help</a></p>
            """, status);

    private static IResult SetupForm(HttpContext http, string? email, string? name, IEnumerable<string> errors, int status = StatusCodes.Status200OK) =>
        Render("Set up MutualAid", $"""
            <p>No one has an account yet. Create the network administrator: they create regions and hubs and invite coordinators.</p>
            {Errors(errors)}
            <form method="post" action="/setup">
            {Antiforgery(http)}
            {Field("email", "Email", "email", email, autocomplete: "username")}
            {Field("name", "Your name", "text", name, max: 100)}
            {Field("password", $"Password (at least {AccountService.MinimumPasswordLength} characters)", "password", autocomplete: "new-password")}
            <button type="submit">Create administrator</button>
            </form>
            """, status);

    private static IResult InviteForm(HttpContext http, string token, Invitation invitation, string? email, string? name, IEnumerable<string> errors, int status = StatusCodes.Status200OK) =>
        Render("Join MutualAid", $"""
            <p>{E(invitation.CreatedBy.DisplayName)} invited you as <strong>{E(invitation.Grant.Role.ToString())}</strong> of <strong>{E(invitation.Grant.Scope)}</strong>.</p>
            {Errors(errors)}
            <form method="post" action="/invite/{E(token)}">
            {Antiforgery(http)}
            {Field("email", "Email", "email", email ?? invitation.Email, autocomplete: "username")}
            {Field("name", "Your name", "text", name, max: 100)}
            {Field("password", $"Password (at least {AccountService.MinimumPasswordLength} characters; your existing one if you already have an account)", "password", autocomplete: "new-password")}
            <button type="submit">Join</button>
            </form>
            """, status);
}

/// <summary>Signs a freshly created or invited account in, from its stored roles.</summary>
public sealed class AccountsBootstrap(IGrainFactory grains)
{
    public async Task SignInAs(HttpContext http, string email)
    {
        ArgumentNullException.ThrowIfNull(http);
        var account = await grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount()
            ?? throw new InvalidOperationException("The account was just created but cannot be read.");
        await http.SignInAsync(AccountClaims.Scheme, AccountClaims.Principal(account));
    }
}
