namespace MutualAid.Web.Tests.Hosting;

/// <summary>The app in Production (where HSTS is on) trusting one proxy address, with a public-form budget of ten a minute.</summary>
public abstract class BehindProxy(string knownProxy) : IAsyncLifetime
{
    public KestrelApp App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = KestrelApp.Start(new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["MutualAid:Proxy:KnownProxies:0"] = knownProxy,
            ["MutualAid:PublicFormPermits"] = "10",
            ["MutualAid:PublicFormWindowSeconds"] = "60",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The app behind nginx on this machine: 127.0.0.1 is the known proxy.</summary>
public sealed class BehindKnownProxy() : BehindProxy("127.0.0.1");

public sealed partial class ProxyTests(BehindKnownProxy world) : IClassFixture<BehindKnownProxy>
{
    private static int next = 10;

    /// <summary>A client address of its own for each test: the limiter's windows outlive a test.</summary>
    private static string NewClient() => $"203.0.113.{Interlocked.Increment(ref next)}";

    internal static async Task<HttpResponseMessage> Submit(HttpClient http, string forwardedFor, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ask") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["need"] = "food" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "http");
        if (language is not null) request.Headers.Add("Accept-Language", language);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task Two_clients_behind_the_known_proxy_have_separate_budgets()
    {
        using var http = world.App.Client();
        var (first, second) = (NewClient(), NewClient());
        for (var i = 1; i <= 10; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Submit(http, first)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Submit(http, first)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Submit(http, second)).StatusCode);
    }

    [Fact]
    public async Task Reading_the_form_is_not_counted_only_sending_it()
    {
        using var http = world.App.Client();
        var client = NewClient();
        for (var i = 1; i <= 15; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/ask");
            request.Headers.Add("X-Forwarded-For", client);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        }

        for (var i = 1; i <= 10; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Submit(http, client)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Submit(http, client)).StatusCode);
    }

    [Fact]
    public async Task The_refusal_is_a_page_in_the_readers_language_that_offers_the_phone()
    {
        using var http = world.App.Client();
        var client = NewClient();
        for (var i = 1; i <= 10; i++) await Submit(http, client, "es-ES,es;q=0.9");

        var refused = await Submit(http, client, "es-ES,es;q=0.9");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\"", page);
        Assert.Contains("Espera un minuto", page);
        Assert.Contains("llama a tu centro", page);
        Assert.DoesNotContain(client, page); // nothing about who or how many
        Assert.True(refused.Headers.RetryAfter is not null, "a Retry-After header");
    }

    [Fact]
    public async Task Https_at_the_known_proxy_keeps_the_sign_in_cookie_secure_and_sends_hsts()
    {
        var email = await world.App.Factory.User(new RoleGrant(Role.Dispatcher, "some-hub"));
        using var http = world.App.Client();
        var client = NewClient();
        HttpRequestMessage Behind(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Host = "aid.example.org";
            request.Headers.Add("X-Forwarded-For", client);
            request.Headers.Add("X-Forwarded-Proto", "https");
            return request;
        }

        using var get = Behind(HttpMethod.Get, "/account/login");
        var page = await http.SendAsync(get);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "HSTS on a page served over HTTPS at the proxy");
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Matches(SecureAttribute(), antiforgeryCookie);
        var antiforgery = antiforgeryCookie.Split(';')[0];

        using var post = Behind(HttpMethod.Post, "/account/login");
        post.Headers.Add("Cookie", antiforgery);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken.In(await page.Content.ReadAsStringAsync()),
            ["email"] = email,
            ["password"] = WebAppFactory.Password,
        });
        var signedIn = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ma-auth=", StringComparison.Ordinal));
        Assert.Matches(SecureAttribute(), auth);
    }

    [GeneratedRegex(@";\s*secure(;|$)", RegexOptions.IgnoreCase)]
    internal static partial Regex SecureAttribute();
}

/// <summary>The app told to trust only 10.9.9.9: requests from 127.0.0.1 come from an unknown proxy.</summary>
public sealed class BehindUnknownProxy() : BehindProxy("10.9.9.9");

public sealed class UnknownProxyTests(BehindUnknownProxy world) : IClassFixture<BehindUnknownProxy>
{
    [Fact]
    public async Task Forwarded_headers_from_an_unknown_proxy_are_ignored_so_they_cannot_dodge_the_limit_or_fake_https()
    {
        using var http = world.App.Client();
        for (var i = 1; i <= 10; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, (await ProxyTests.Submit(http, $"198.51.100.{i}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ProxyTests.Submit(http, "198.51.100.11")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/ask");
        request.Headers.Host = "aid.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");
        var page = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }
}
