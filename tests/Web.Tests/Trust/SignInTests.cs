using MutualAid.Web.Tests.Support;

namespace MutualAid.Web.Tests.Trust;

/// <summary>
/// The trust world with room for every sign-in post these tests make within a minute, where a request
/// may name the client address it comes from (the test server has none: unnamed, all are one client).
/// </summary>
public sealed class SignInWorld() : TrustWorld(new Dictionary<string, string> { ["MutualAid:SensitivePermits"] = "100000" },
    s => s.AddSingleton<IStartupFilter, CallerFromHeader>());

public sealed class SignInTests(SignInWorld world) : IClassFixture<SignInWorld>
{
    private static async Task<(HttpStatusCode Status, string Body)> TryLogin(HttpClient client, string email, string password)
    {
        var token = FormToken.In(await client.GetStringAsync(new Uri("/account/login", UriKind.Relative)));
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["password"] = password,
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private HttpClient Browser(string? address = null)
    {
        var client = world.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (address is not null) client.DefaultRequestHeaders.Add(CallerFromHeader.Header, address);
        return client;
    }

    /// <summary>The page as anyone would see it for any email: no antiforgery token, the email typed in left out.</summary>
    private static string Seen(string html, string email) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "").Replace(email, "EMAIL", StringComparison.Ordinal);

    [Fact]
    public async Task Five_wrong_passwords_shut_the_client_out_even_with_the_right_one()
    {
        var email = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        using var client = Browser();
        for (var i = 1; i < ISignInFailuresGrain.MaxFailures; i++)
        {
            var (status, body) = await TryLogin(client, email, "wrong password " + i);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("do not match", body);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryLogin(client, email, "wrong again")).Status);
        var (locked, message) = await TryLogin(client, email, WebAppFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked);
        Assert.Contains("Too many failed attempts", message);
    }

    [Fact]
    public async Task Wrong_passwords_answer_alike_whether_or_not_the_account_exists()
    {
        var existing = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        var missing = $"m{Guid.NewGuid():N}"[..12] + "@example.org";
        using var client = Browser("203.0.113.20");
        for (var i = 1; i <= ISignInFailuresGrain.MaxFailures + 1; i++)
        {
            var (status, body) = await TryLogin(client, existing, "wrong password " + i);
            var (otherStatus, otherBody) = await TryLogin(client, missing, "wrong password " + i);
            Assert.Equal(status, otherStatus);
            Assert.Equal(Seen(body, existing), Seen(otherBody, missing));
        }
    }

    [Fact]
    public async Task Someone_elses_wrong_passwords_do_not_shut_the_owner_out_from_their_own_address()
    {
        var email = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        using var attacker = Browser("203.0.113.66");
        for (var i = 1; i <= ISignInFailuresGrain.MaxFailures; i++) await TryLogin(attacker, email, "wrong password " + i);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryLogin(attacker, email, WebAppFactory.Password)).Status);

        using var owner = Browser("198.51.100.7");
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogin(owner, email, WebAppFactory.Password)).Status);
    }

    [Fact]
    public async Task A_login_form_without_its_antiforgery_token_is_refused()
    {
        var email = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        using var client = Browser();
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = WebAppFactory.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ma-auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_invitation_link_makes_an_account_with_its_role_once_and_only_once()
    {
        var accounts = (AccountService)world.Factory.Services.GetService(typeof(AccountService))!;
        var link = await accounts.Invite(new RoleGrant(Role.Volunteer, world.A), null, TimeSpan.FromDays(1), new Actor("cora", "Cora"));
        var path = new Uri($"/invite/{link.Value}", UriKind.Relative);
        using var client = Browser();
        var page = await client.GetStringAsync(path);
        Assert.Contains("Cora invited you as <strong>Volunteer</strong>", page);
        var email = $"v{Guid.NewGuid():N}"[..10] + "@example.org";

        var joined = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken.In(page),
            ["email"] = email,
            ["name"] = "Vera",
            ["password"] = WebAppFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal("/my/profile", joined.Headers.Location?.OriginalString);
        var account = await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount();
        Assert.Equal([new RoleGrant(Role.Volunteer, world.A)], account!.Roles);
        // The invitation made a volunteer of this hub, bound to the account, not just a role.
        var volunteer = await world.Factory.Grains.GetGrain<MutualAid.Volunteers.IVolunteerGrain>(Assert.IsType<Guid>(account.VolunteerId)).GetView();
        Assert.Equal("Vera", volunteer!.Profile.Name);
        Assert.Equal([world.A], volunteer.Profile.HubSlugs);

        using var other = Browser();
        Assert.Equal(HttpStatusCode.Gone, (await other.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri("/invite/not-a-real-token-at-all", UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpResponseMessage> Redeem(HttpClient client, Uri path, string token, string email, string password) =>
        await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["name"] = "Someone",
            ["password"] = password,
        }));

    [Fact]
    public async Task An_invitation_link_is_no_password_oracle_and_a_client_shut_out_stays_shut_out_on_it()
    {
        var accounts = (AccountService)world.Factory.Services.GetService(typeof(AccountService))!;
        var dispatcher = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        using var client = Browser();

        // A used link answers the same whatever password comes with it, and counts nothing.
        var used = await accounts.Invite(new RoleGrant(Role.Volunteer, world.A), null, TimeSpan.FromDays(1), new Actor("cora", "Cora"));
        var usedPath = new Uri($"/invite/{used.Value}", UriKind.Relative);
        var form = FormToken.In(await client.GetStringAsync(usedPath));
        Assert.True((await accounts.Accept(used.Value!, $"x{Guid.NewGuid():N}"[..10] + "@example.org", "X", WebAppFactory.Password, "test")).IsOk);
        var wrong = await Redeem(client, usedPath, form, dispatcher, "wrong password 12345");
        var right = await Redeem(client, usedPath, form, dispatcher, WebAppFactory.Password);
        Assert.Equal(HttpStatusCode.Gone, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, right.StatusCode);
        static string WithoutTokens(string html) => System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "");
        Assert.Equal(WithoutTokens(await wrong.Content.ReadAsStringAsync()), WithoutTokens(await right.Content.ReadAsStringAsync()));

        // On a good link every wrong password counts toward the lockout (the used link's counted none), and then even the right one is refused.
        var fresh = await accounts.Invite(new RoleGrant(Role.Volunteer, world.B), null, TimeSpan.FromDays(1), new Actor("cora", "Cora"));
        var freshPath = new Uri($"/invite/{fresh.Value}", UriKind.Relative);
        for (var i = 1; i <= ISignInFailuresGrain.MaxFailures; i++)
        {
            var refused = await Redeem(client, freshPath, form, dispatcher, "wrong password " + i);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(i == ISignInFailuresGrain.MaxFailures, (await refused.Content.ReadAsStringAsync()).Contains("Too many failed attempts", StringComparison.Ordinal));
        }

        var locked = await Redeem(client, freshPath, form, dispatcher, WebAppFactory.Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("Too many failed attempts", await locked.Content.ReadAsStringAsync());
        var account = await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(dispatcher)).GetAccount();
        Assert.DoesNotContain(new RoleGrant(Role.Volunteer, world.B), account!.Roles);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryLogin(client, dispatcher, WebAppFactory.Password)).Status);
    }

    [Fact]
    public async Task A_link_sent_to_one_email_answers_alike_for_any_other_and_counts_nothing_against_its_account()
    {
        var accounts = (AccountService)world.Factory.Services.GetService(typeof(AccountService))!;
        var link = await accounts.Invite(new RoleGrant(Role.Volunteer, world.A), $"i{Guid.NewGuid():N}"[..12] + "@example.org", TimeSpan.FromDays(1), new Actor("cora", "Cora"));
        var path = new Uri($"/invite/{link.Value}", UriKind.Relative);
        var existing = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        var missing = $"m{Guid.NewGuid():N}"[..12] + "@example.org";
        using var client = Browser();
        var form = FormToken.In(await client.GetStringAsync(path));

        var toExisting = await Redeem(client, path, form, existing, "wrong password 12345");
        var toMissing = await Redeem(client, path, form, missing, "wrong password 12345");
        Assert.Equal(HttpStatusCode.BadRequest, toExisting.StatusCode);
        Assert.Equal(toExisting.StatusCode, toMissing.StatusCode);
        var seen = Seen(await toExisting.Content.ReadAsStringAsync(), existing);
        Assert.Equal(seen, Seen(await toMissing.Content.ReadAsStringAsync(), missing));
        Assert.Contains("This invitation was sent to a different email address.", seen);

        // However often the link is tried with that account's email, its owner signs in at once.
        for (var i = 1; i < ISignInFailuresGrain.MaxFailures; i++) await Redeem(client, path, form, existing, "wrong password " + i);
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogin(client, existing, WebAppFactory.Password)).Status);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_the_first_run_page_is_closed_once_set_up()
    {
        using var client = Browser();
        var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", string.Join("", response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/setup", UriKind.Relative))).StatusCode);
    }
}
