namespace MutualAid.EndToEnd;

/// <summary>
/// The pages people in need and volunteers on the move use must stay usable on 2G: each is a small
/// server-rendered page without a Blazor circuit, measured here as everything the browser fetched.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LowBandwidthTests(BrowserFixture fixture) : BrowserTest(fixture.Browser)
{
    private const long Budget = 100 * 1024;

    private static async Task<(long Bytes, int Requests)> Load(IPage page, string path)
    {
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) => finished.Add(request);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        long bytes = 0;
        foreach (var request in finished.ToArray())
        {
            var sizes = await request.SizesAsync();
            bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        return (bytes, finished.Count);
    }

    [Theory]
    [InlineData("/ask", "Ask for help")]
    [InlineData("/offer", "Offer help")]
    public async Task Public_forms_load_under_100_KB_with_no_script(string path, string heading)
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        var (bytes, requests) = await Load(page, path);

        await Expect(page.Locator("h1")).ToContainTextAsync(heading);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.True(bytes < Budget, $"{path}: {bytes} bytes in {requests} requests");
        Console.WriteLine($"{path}: {bytes} bytes in {requests} requests");
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_volunteers_jobs_page_loads_under_100_KB_with_no_script_and_works_without_it()
    {
        // A dispatcher gives the demo volunteer (Priya) a fresh job through the JSON API.
        var dispatcher = await fixture.NewPage("coordinator");
        var volunteerPage = await fixture.NewPage("volunteer");
        await volunteerPage.GotoAsync("/");
        var href = await volunteerPage.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).GetAttributeAsync("href", new() { Timeout = 30000 });
        var priya = Guid.Parse(href!.Split('/')[^1]);
        var id = Guid.NewGuid();
        var need = "E2E plain job " + id.ToString("N")[..6];
        var api = dispatcher.Context.APIRequest;
        var headers = new Dictionary<string, string> { ["X-MutualAid-Client"] = "e2e" };
        var created = await api.PostAsync("/api/v1/hubs/north/requests", new() { Headers = headers, DataObject = new { id, category = "Medicine", urgency = "Low", area = "Plain Street", need, contact = new { name = "Pat", phone = "07700 900555" } } });
        Assert.True(created.Ok, await created.TextAsync());
        var assigned = await api.PostAsync($"/api/v1/requests/{id}/assign", new() { Headers = headers, DataObject = new { expectedVersion = 1, volunteerId = priya } });
        Assert.True(assigned.Ok, await assigned.TextAsync());

        // A fresh tab of the signed-in browser, so nothing the sign-in's landing page still fetches is counted.
        var page = await (await fixture.NewPage("volunteer")).Context.NewPageAsync();
        var (bytes, requests) = await Load(page, "/my/jobs");

        await Expect(page.Locator("h1")).ToHaveTextAsync("My jobs");
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.True(bytes < Budget, $"/my/jobs: {bytes} bytes in {requests} requests");
        Console.WriteLine($"/my/jobs: {bytes} bytes in {requests} requests");

        // Accept, picked up, delivered: plain forms posting back, no script anywhere.
        var job = page.Locator("section").Filter(new() { HasText = need });
        foreach (var step in new[] { "Accept", "Picked up", "Delivered" })
        {
            await job.GetByRole(AriaRole.Button, new() { Name = step }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Updated.");
        }

        await Expect(job).ToHaveCountAsync(0); // delivered: no longer one of her jobs
        var done = await api.GetAsync($"/api/v1/requests/{id}", new() { Headers = headers });
        Assert.Contains("\"status\":\"Fulfilled\"",
             (await done.TextAsync()).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
