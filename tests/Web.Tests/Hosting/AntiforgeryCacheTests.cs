namespace MutualAid.Web.Tests.Hosting;

/// <summary>
/// A page that carries an antiforgery token must not be cached, and antiforgery says so itself
/// ("no-cache, no-store"), logging a warning whenever a page had already set a Cache-Control
/// without no-cache: in Production that was one warning per plain page a volunteer opened (hunt5 §16).
/// </summary>
public sealed class AntiforgeryCacheTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string Overridden = "headers have been overridden";

    [Fact]
    public async Task Form_pages_are_sent_no_cache_no_store_without_antiforgery_warning_while_static_files_stay_cacheable()
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        var volunteer = await Seed.Volunteer(app.Factory.Grains, hub, "Vic Okafor");
        var email = await app.Factory.User(new RoleGrant(Role.Volunteer, hub));
        Assert.True((await app.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).LinkVolunteer(volunteer, new Actor("test", "Test"))).IsOk);
        using var signedIn = await app.Factory.SignedIn(email);
        using var anonymous = app.Factory.CreateClient();

        foreach (var (client, path) in new[] { (signedIn, "/my/jobs"), (anonymous, "/ask"), (anonymous, "/status"), (anonymous, "/account/login") })
        {
            using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path}: {page.StatusCode}");
            Assert.NotEmpty(FormToken.In(await page.Content.ReadAsStringAsync()));
            var cache = page.Headers.CacheControl;
            Assert.True(cache is { NoCache: true, NoStore: true }, $"{path}: Cache-Control {cache}");
            Assert.False(app.Factory.Logs.Lines.Any(line => line.Contains(Overridden, StringComparison.Ordinal)), $"{path}: antiforgery overrode the page's Cache-Control");
        }

        using var style = await anonymous.GetAsync(new Uri("/plain.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
        // Static assets keep their own caching (revalidated by ETag), never the form pages' no-store.
        Assert.False(style.Headers.CacheControl is { NoStore: true }, $"/plain.css: Cache-Control {style.Headers.CacheControl}");
    }
}
