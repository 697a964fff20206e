using MutualAid.ApiTokens;

namespace MutualAid.Web.Tests.SignalR;

/// <summary>A wall display's token expiring while it watches, in an app whose grains' clock the test moves.</summary>
public sealed class BoardTokenExpiryTests : IAsyncLifetime
{
    private readonly GrainClockAhead clock = new();
    private readonly WebAppFactory factory;

    public BoardTokenExpiryTests() => factory = GrainClockAhead.App(clock);

    private async Task<string> Issue(string hub, int days)
    {
        var (id, secret, hash) = ApiTokenFormat.Create();
        var issued = await factory.Grains.GetGrain<IHubApiTokensGrain>(hub).Issue(id, new NewApiToken(hub, "Wall display", ApiTokenScope.Read, new Actor("test", "Test"), hash, days));
        Assert.True(issued.IsOk, issued.Message);
        return secret;
    }

    private static async Task<string> Refusal(HubConnection connection, string method, string slug) =>
        (await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>(method, slug))).Message.Replace(slug, "…", StringComparison.Ordinal);

    private async Task<(HttpStatusCode? Status, string Message)> Refused(string token)
    {
        await using var connection = factory.BoardConnection(apiToken: token);
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync());
        return (refused.StatusCode, refused.Message);
    }

    [Fact]
    public async Task An_expired_token_is_refused_as_an_unknown_one_and_its_open_board_is_closed()
    {
        var hub = await Seed.Hub(factory.Grains);
        var secret = await Issue(hub, 7);
        var watching = factory.BoardConnection(apiToken: secret);
        await using var board = await BoardClient.Join(watching, hub);
        // Connected but on no board: the sweep passes it by, so only the hub's own check can refuse it.
        await using var idle = factory.BoardConnection(apiToken: secret);
        await idle.StartAsync();

        clock.Advance(TimeSpan.FromDays(7));

        foreach (var method in new[] { "JoinHub", "GetSnapshot" })
        {
            Assert.Equal(await Refusal(idle, method, "no-such-hub"), await Refusal(idle, method, hub));
        }

        await Wait.Until(() => watching.State == HubConnectionState.Disconnected, "the expired token's open board is closed", seconds: 5);
        var expired = await Refused(secret);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal(await Refused(ApiTokenFormat.Create().Token), expired);
    }

    public Task InitializeAsync()
    {
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
