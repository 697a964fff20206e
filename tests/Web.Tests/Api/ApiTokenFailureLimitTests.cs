using System.Net.Http.Headers;
using MutualAid.ApiTokens;

namespace MutualAid.Web.Tests.Api;

public sealed class ApiTokenFailureLimitTests : IAsyncLifetime
{
    private readonly WebAppFactory factory = new(new Dictionary<string, string>
    {
        ["MutualAid:ApiTokenFailurePermits"] = "3",
        ["MutualAid:ApiTokenFailureWindowSeconds"] = "2",
    });

    private async Task<HttpStatusCode> Get(string token)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync(new Uri($"/api/v1/requests/{Guid.NewGuid()}", UriKind.Relative))).StatusCode;
    }

    [Fact]
    public async Task Failed_bearer_attempts_from_one_client_are_limited_and_the_limit_passes()
    {
        var (id, good, hash) = ApiTokenFormat.Create();
        Assert.True((await factory.Grains.GetGrain<IHubApiTokensGrain>("limits").Issue(id, new NewApiToken("limits", "Script", ApiTokenScope.Read, new Actor("test", "Test"), hash, NewApiToken.DefaultLifetimeDays))).IsOk);
        Assert.Equal(HttpStatusCode.NotFound, await Get(good)); // a good token is not a failure, however often it is used
        Assert.Equal(HttpStatusCode.NotFound, await Get(good));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add(await Get(ApiTokenFormat.Create().Token));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, await Get(good)); // while the client is cut off, no token is looked up
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(HttpStatusCode.NotFound, await Get(good));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
