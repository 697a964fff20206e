using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MutualAid.EndToEnd;

/// <summary>
/// The pages people in need and volunteers on the move use must stay usable on 2G: each is a small
/// server-rendered page without a Blazor circuit, measured here as everything the browser fetched.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LowBandwidthTests(BrowserFixture fixture)
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
        var page = await fixture.NewPage("volunteer");

        var (bytes, requests) = await Load(page, "/my/jobs");

        await Expect(page.Locator("h1")).ToHaveTextAsync("My jobs");
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.True(bytes < Budget, $"/my/jobs: {bytes} bytes in {requests} requests");
        Console.WriteLine($"/my/jobs: {bytes} bytes in {requests} requests");
        // The demo gives Priya an assignment she has not answered yet: plain forms, no script needed.
        if (await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Updated.");
        }
    }
}
