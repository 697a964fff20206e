namespace MutualAid.Web.Tests.Hosting;

public sealed class PlainKestrel : IAsyncLifetime
{
    public KestrelApp App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = KestrelApp.Start([]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class BodyCapTests(PlainKestrel world) : IClassFixture<PlainKestrel>
{
    [Fact]
    public async Task A_chunked_public_form_over_the_cap_is_refused_with_413_and_nothing_is_stored()
    {
        var grains = world.App.Factory.Grains;
        var region = "r-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IRegionGrain>(region).Configure("Region", new Actor("setup", "Setup"));
        var hub = await Seed.Hub(grains, region);
        using var http = world.App.Client();

        // Over the cap by far, in a field the form ignores (so only the size is wrong), with no length sent.
        var big = await Send(http, hub, "07700 900001", new string('x', 200 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Contains("Too long", await big.Content.ReadAsStringAsync());

        // The same form under the cap, also chunked, is taken: the cap is on size, not on chunking.
        var small = await Send(http, hub, "07700 900002", "x");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        var board = grains.GetGrain<IHubGrain>(hub);
        await Wait.Until(async () => (await board.GetSnapshot()).Requests.Count > 0, "the small submission reaches the board");
        Assert.Single((await board.GetSnapshot()).Requests);
        Assert.Empty(await board.FindRequestsByContact(new ContactDetails("-", "07700 900001", null, null).MatchKey()!));
    }

    [Fact]
    public async Task An_api_body_over_the_cap_is_a_413_problem_not_a_server_error()
    {
        var grains = world.App.Factory.Grains;
        var region = "r-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IRegionGrain>(region).Configure("Region", new Actor("setup", "Setup"));
        var hub = await Seed.Hub(grains, region);
        var (id, secret, hash) = ApiTokenFormat.Create();
        Assert.True((await grains.GetGrain<MutualAid.ApiTokens.IHubApiTokensGrain>(hub).Issue(id,
            new MutualAid.ApiTokens.NewApiToken(hub, "Script", MutualAid.ApiTokens.ApiTokenScope.Dispatch, new Actor("test", "Test"), hash, MutualAid.ApiTokens.NewApiToken.DefaultLifetimeDays))).IsOk);
        using var http = world.App.Client();
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            category = "Food",
            urgency = "Normal",
            area = "Elm",
            need = new string('x', 1100 * 1024),
            contact = new { name = "Jo", phone = "07700 900003" },
        });

        // With its length sent (refused before a byte is read) and chunked (refused at the cap).
        foreach (var chunked in new[] { false, true })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/hubs/{hub}/requests")
            {
                Content = chunked ? new StreamContent(new Unseekable(json)) : new ByteArrayContent(json),
            };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Authorization = new("Bearer", secret);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(nameof(Reason.BodyTooLarge), problem.RootElement.GetProperty("reason").GetString());
        }

        Assert.Empty((await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Requests);
        Assert.DoesNotContain(world.App.Factory.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, string hub, string phone, string filler)
    {
        using var form = new HttpRequestMessage(HttpMethod.Get, "/ask");
        var page = await http.SendAsync(form);
        var cookie = FormToken.Cookie(page);
        var body = await new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken.In(await page.Content.ReadAsStringAsync()),
            ["hub"] = hub,
            ["category"] = "Food",
            ["urgency"] = "Normal",
            ["need"] = "A food parcel",
            ["area"] = "Elm Street",
            ["name"] = "Maria",
            ["phone"] = phone,
            [new string('f', 50)] = filler,
        }).ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ask") { Content = new StreamContent(new Unseekable(body)) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        Assert.Null(request.Content.Headers.ContentLength); // really sent chunked
        return response;
    }

    /// <summary>A body whose length the client cannot know beforehand, so it goes out chunked.</summary>
    private sealed class Unseekable(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
