using System.Net.Http.Headers;
using MutualAid.ApiTokens;

namespace MutualAid.Web.Tests.Api;

/// <summary>
/// An expired token at the JSON API, in an app of its own: its grains' clock is moved past the expiry,
/// and its failure limit is low enough to see an expired token spend a try as an unknown one does.
/// </summary>
public sealed class ApiTokenExpiryTests : IAsyncLifetime
{
    private const int Permits = 3;
    private readonly GrainClockAhead clock = new();
    private readonly WebAppFactory factory;

    public ApiTokenExpiryTests() => factory = GrainClockAhead.App(clock, new Dictionary<string, string>
    {
        ["MutualAid:ApiTokenFailurePermits"] = Permits.ToString(CultureInfo.InvariantCulture),
        ["MutualAid:ApiTokenFailureWindowSeconds"] = "600",
    });

    private async Task<string> Issue(string hub, int days)
    {
        var (id, secret, hash) = ApiTokenFormat.Create();
        var issued = await factory.Grains.GetGrain<IHubApiTokensGrain>(hub).Issue(id, new NewApiToken(hub, "Hotline bridge", ApiTokenScope.Dispatch, new Actor("test", "Test"), hash, days));
        Assert.True(issued.IsOk, issued.Message);
        return secret;
    }

    private async Task<HttpResponseMessage> Get(string token, Guid request)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(new Uri($"/api/v1/requests/{request}", UriKind.Relative));
    }

    /// <summary>Everything a client can read of a refusal but the moment it was sent.</summary>
    private static async Task<string> Answer(HttpResponseMessage response) =>
        string.Join("\n", new[] { $"{(int)response.StatusCode}" }
            .Concat(response.Headers.Concat(response.Content.Headers).Where(h => h.Key != "Date").OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"))
            .Append(await response.Content.ReadAsStringAsync()));

    [Fact]
    public async Task An_expired_token_gets_the_unknown_tokens_401_and_spends_a_try_as_it_does()
    {
        var hub = await Seed.Hub(factory.Grains);
        var request = await Seed.Request(factory.Grains, hub);
        var weekly = await Issue(hub, 7);
        var yearly = await Issue(hub, 365);
        var unknown = ApiTokenFormat.Create().Token;
        Assert.Equal(HttpStatusCode.OK, (await Get(weekly, request.Id)).StatusCode);

        clock.Advance(TimeSpan.FromDays(7));

        var expired = await Get(weekly, request.Id);
        var refused = await Get(unknown, request.Id);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Bearer", expired.Headers.WwwAuthenticate.ToString());
        Assert.Equal(await Answer(refused), await Answer(expired));
        Assert.Equal(HttpStatusCode.OK, (await Get(yearly, request.Id)).StatusCode); // a token's expiry is its own

        // Two failures so far; the third uses up the client's tries, so even the good token is not looked up.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(weekly, request.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Get(yearly, request.Id)).StatusCode);
    }

    public Task InitializeAsync()
    {
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
