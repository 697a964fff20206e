using System.Net.Http.Headers;
using MutualAid.ApiTokens;

namespace MutualAid.Web.Tests.Api;

/// <summary>An integration of one hub: a token issued through the hub's token list, and a client that sends only it.</summary>
public static class HubToken
{
    public static async Task<HttpClient> Client(WebAppFactory factory, string hub, ApiTokenScope scope)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (id, token, hash) = ApiTokenFormat.Create();
        var issued = await factory.Grains.GetGrain<IHubApiTokensGrain>(hub).Issue(id, new NewApiToken(hub, "Bridge of " + hub, scope, Seed.Sam, hash, NewApiToken.DefaultLifetimeDays));
        Assert.True(issued.IsOk, issued.Message);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
