namespace MutualAid.Web.Tests.Trust;

public sealed class PublicFormLimitTests : IAsyncLifetime
{
    private readonly WebAppFactory factory = new(new Dictionary<string, string>
    {
        // UseSetting in the factory runs first; these override its generous default.
        ["MutualAid:PublicFormPermits"] = "5",
        ["MutualAid:PublicFormWindowSeconds"] = "2",
    });

    private static Task<HttpResponseMessage> Send(HttpClient client, string path) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["need"] = "food" }));

    [Fact]
    public async Task The_public_form_refuses_a_burst_of_submissions_with_429_and_recovers_afterwards()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await Send(client, "/ask")).StatusCode);

        Assert.All(statuses.Take(5), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var refused = await Send(client, "/offer");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("phone your hub", await refused.Content.ReadAsStringAsync());
        // Reading the forms is never refused, even while sending them is.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ask", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/offer", UriKind.Relative))).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Send(client, "/ask")).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
