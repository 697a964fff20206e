namespace MutualAid.Web.Tests;

/// <summary>The real web app with its co-hosted silo (memory store, private ports) in the test process.</summary>
/// <param name="services">Extra services for the app (a test's own middleware, say), added after the app's.</param>
public sealed class WebAppFactory(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";
    private readonly int siloPort = Ports.Free();
    private readonly int gatewayPort = Ports.Free();

    public WebAppFactory() : this(null, null)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MutualAid:Storage", "Memory");
        builder.UseSetting("MutualAid:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MutualAid:GatewayPort", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MutualAid:ServiceId", "web-tests-" + siloPort);
        builder.UseSetting("MutualAid:PublicFormPermits", "1000000");
        // The hostile-input test makes thousands of refused hub calls on purpose; their log lines are noise here.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.SignalR", "Critical");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (services is not null) builder.ConfigureServices(services);
    }

    /// <summary>What the app has logged, as an operator would read it.</summary>
    public Logging.LogSink Logs { get; } = new();

    public IGrainFactory Grains => (IGrainFactory)Services.GetService(typeof(IGrainFactory))!;

    /// <summary>Creates an account with these roles (through the grains, as an invitation would).</summary>
    public async Task<string> User(params RoleGrant[] roles)
    {
        var email = $"u{Guid.NewGuid():N}"[..12] + "@example.org";
        var created = await Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).Create("User " + email[..5], AccountService.Hash(Password), roles, new Actor("test", "Test"));
        Assert.True(created.IsOk, created.Message);
        return email;
    }

    /// <summary>An HTTP client that has signed in through the real login form; it sends its cookies on every request.</summary>
    public async Task<HttpClient> SignedIn(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookies = new Dictionary<string, string>();
        void Keep(HttpResponseMessage r)
        {
            foreach (var header in r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }

            client.DefaultRequestHeaders.Remove("Cookie");
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Keep(page);
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [FormToken.FieldName] = FormToken.In(await page.Content.ReadAsStringAsync()),
            ["email"] = email,
            ["password"] = Password,
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Keep(response);
        Assert.Contains("ma-auth", cookies.Keys);
        return client;
    }

    /// <param name="signedIn">A browser whose sign-in cookie the connection carries.</param>
    /// <param name="apiToken">Or an integration's API token, sent as <c>Authorization: Bearer</c> as a wall display would.</param>
    public HubConnection BoardConnection(HttpClient? signedIn = null, string? apiToken = null)
    {
        var cookies = signedIn?.DefaultRequestHeaders.TryGetValues("Cookie", out var values) == true ? string.Join("; ", values) : null;
        var bearer = apiToken is null ? null : "Bearer " + apiToken;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/live/board"), o =>
            {
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                // WebSockets through the in-memory test server: a real duplex transport, and fast.
                o.Transports = HttpTransportType.WebSockets;
                o.WebSocketFactory = async (context, cancel) =>
                {
                    var client = Server.CreateWebSocketClient();
                    client.ConfigureRequest = r =>
                    {
                        if (cookies is not null) r.Headers["Cookie"] = cookies;
                        if (bearer is not null) r.Headers.Authorization = bearer;
                    };
                    return await client.ConnectAsync(context.Uri, cancel);
                };
                if (cookies is not null) o.Headers["Cookie"] = cookies;
                if (bearer is not null) o.Headers["Authorization"] = bearer;
            })
            .Build();
    }

}
