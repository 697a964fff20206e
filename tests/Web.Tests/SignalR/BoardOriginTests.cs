namespace MutualAid.Web.Tests.SignalR;

/// <summary>The app with one wall display allowed on another origin.</summary>
public sealed class WallDisplayWorld : IAsyncLifetime
{
    public const string Wall = "https://wall.example.org";

    public WebAppFactory Factory { get; } = new(new Dictionary<string, string> { ["MutualAid:Board:AllowedOrigins:0"] = Wall });

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class BoardOriginTests(WallDisplayWorld world) : IClassFixture<WallDisplayWorld>
{
    private async Task<string> Cookies()
    {
        using var client = await world.Factory.SignedIn(await world.Factory.User(new RoleGrant(Role.Dispatcher, "some-hub")));
        return string.Join("; ", client.DefaultRequestHeaders.GetValues("Cookie"));
    }

    private async Task<HttpResponseMessage> Negotiate(string cookies, string? origin)
    {
        using var client = world.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/live/board/negotiate?negotiateVersion=1");
        request.Headers.Add("Cookie", cookies);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private HubConnection Connection(string cookies, string origin) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(world.Factory.Server.BaseAddress, "/live/board"), o =>
            {
                o.HttpMessageHandlerFactory = _ => world.Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.WebSockets;
                o.WebSocketFactory = async (context, cancel) =>
                {
                    var client = world.Factory.Server.CreateWebSocketClient();
                    client.ConfigureRequest = r =>
                    {
                        r.Headers["Cookie"] = cookies;
                        r.Headers.Origin = origin;
                    };
                    return await client.ConnectAsync(context.Uri, cancel);
                };
                o.Headers["Cookie"] = cookies;
                o.Headers["Origin"] = origin;
            })
            .Build();

    [Fact]
    public async Task A_page_of_another_site_cannot_open_the_board_with_a_signed_in_persons_cookie()
    {
        var cookies = await Cookies();
        Assert.Equal(HttpStatusCode.Forbidden, (await Negotiate(cookies, "https://evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Negotiate(cookies, "null")).StatusCode);

        // Straight to the WebSocket, skipping negotiate, is refused the same way.
        var socket = world.Factory.Server.CreateWebSocketClient();
        socket.ConfigureRequest = r =>
        {
            r.Headers["Cookie"] = cookies;
            r.Headers.Origin = "https://evil.example";
        };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => socket.ConnectAsync(new Uri(world.Factory.Server.BaseAddress, "/live/board"), CancellationToken.None));
        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task The_sites_own_pages_an_allowed_wall_display_and_non_browser_clients_connect()
    {
        var cookies = await Cookies();
        Assert.Equal(HttpStatusCode.OK, (await Negotiate(cookies, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Negotiate(cookies, WallDisplayWorld.Wall)).StatusCode);

        foreach (var origin in new[] { "http://localhost", WallDisplayWorld.Wall })
        {
            await using var connection = Connection(cookies, origin);
            await connection.StartAsync();
            Assert.Equal(HubConnectionState.Connected, connection.State);
        }
    }
}
