namespace MutualAid.Web.Tests.Trust;

public sealed class SignOutTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    [Fact]
    public async Task Signing_out_needs_the_pages_antiforgery_token_so_no_other_site_can_do_it()
    {
        var email = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        using var client = await world.Factory.SignedIn(email);

        // A forged post (no token, as another site's form would send) changes nothing.
        var forged = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var cleared) && cleared.Any(c => c.StartsWith("ma-auth=;", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/hubs/{world.A}", UriKind.Relative))).StatusCode); // still signed in

        // The header's own form (with the token) signs out.
        var page = await (await client.GetAsync(new Uri("/account/denied", UriKind.Relative))).Content.ReadAsStringAsync();
        var real = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken.In(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal("/account/login", real.Headers.Location?.OriginalString);
    }
}
