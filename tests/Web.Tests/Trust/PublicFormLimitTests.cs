using System.Net;

namespace MutualAid.Web.Tests.Trust;

public sealed class PublicFormLimitTests : IAsyncLifetime
{
    private readonly WebAppFactory factory = new(new Dictionary<string, string>
    {
        // UseSetting in the factory runs first; these override its generous default.
        ["MutualAid:PublicFormPermits"] = "5",
        ["MutualAid:PublicFormWindowSeconds"] = "2",
    });

    [Fact]
    public async Task The_public_form_refuses_a_burst_with_429_and_recovers_afterwards()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await client.GetAsync(new Uri("/ask", UriKind.Relative))).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var refused = await client.GetAsync(new Uri("/offer", UriKind.Relative));
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ask", UriKind.Relative))).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
