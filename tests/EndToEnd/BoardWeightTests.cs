namespace MutualAid.EndToEnd;

/// <summary>
/// Coordinators in a disaster area open the board on phones over bad links: a first visit, with nothing
/// cached, must stay under 600 KB of everything the browser fetched, and the icons must still draw.
/// Measured in Production (as operators run it: long caching is off in Development) on a network set up
/// from nothing; the board's data comes over its circuit, which this does not count.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardWeightTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    private const long Budget = 600 * 1024;

    private sealed record Fetched(string Url, long Bytes, string? Encoding, string? CacheControl, string? Type);

    [Fact]
    public async Task A_hub_board_loads_cold_under_600_KB_compressed_and_fingerprinted_and_draws_its_icons()
    {
        var coordinator = await network.NewPage(browser.Browser);
        var admin = await Journey.SetUpHub(network, browser.Browser, "Weir", coordinator, "wren@example.org", "Wren");
        await admin.Context.DisposeAsync();

        // Signed in in one browser, then only the cookie carried into a fresh one: an empty cache.
        var cookie = await coordinator.Context.StorageStateAsync();
        await coordinator.Context.DisposeAsync();
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = network.App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            StorageState = cookie,
        });
        var page = await context.NewPageAsync();
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) => finished.Add(request);

        await page.GotoAsync("/hubs/weir");
        await Expect(page.Locator(".ma-live-ok")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("document.fonts.ready.then(() => true)");

        var fetched = new List<Fetched>();
        foreach (var request in finished.ToArray())
        {
            // Playwright's body size is what came over the wire: the compressed size when it was compressed.
            var sizes = await request.SizesAsync();
            var response = await request.ResponseAsync();
            var headers = response is null ? new Dictionary<string, string>() : await response.AllHeadersAsync();
            fetched.Add(new(request.Url, sizes.ResponseBodySize + sizes.ResponseHeadersSize,
                headers.GetValueOrDefault("content-encoding"), headers.GetValueOrDefault("cache-control"), headers.GetValueOrDefault("content-type")));
        }

        var total = fetched.Sum(f => f.Bytes);
        var report = $"/hubs/weir cold: {total:N0} bytes in {fetched.Count} requests; largest:{Environment.NewLine}" +
            string.Join(Environment.NewLine, fetched.OrderByDescending(f => f.Bytes).Take(5).Select(f => $"  {f.Bytes,9:N0}  {f.Encoding ?? "identity",-8} {f.Url}"));
        Console.WriteLine(report);
        Assert.True(total <= Budget, report);

        // The theme's own fonts (1 MB of icons, 730 KB of Roboto Flex) are never fetched, nor the theme twice.
        Assert.DoesNotContain(fetched, f => f.Url.Contains("MaterialSymbolsOutlined", StringComparison.Ordinal) || f.Url.Contains("RobotoFlex", StringComparison.Ordinal));
        Assert.Single(fetched, f => f.Url.Contains("/_content/Radzen.Blazor/css/", StringComparison.Ordinal));

        // Scripts and stylesheets come compressed, from fingerprinted URLs a browser may keep for a year.
        var assets = fetched.Where(f => f.Type is { } type && (type.Contains("css", StringComparison.Ordinal) || type.Contains("javascript", StringComparison.Ordinal) || type.Contains("font", StringComparison.Ordinal))).ToList();
        Assert.Contains(assets, f => f.Url.Contains("/_framework/blazor.web.", StringComparison.Ordinal));
        Assert.All(assets, f => Assert.True(f.CacheControl?.Contains("immutable", StringComparison.Ordinal) == true, $"{f.Url}: Cache-Control {f.CacheControl}"));
        Assert.All(assets.Where(f => f.Type!.Contains("font", StringComparison.Ordinal) is false),
            f => Assert.True(f.Encoding is "br" or "gzip", $"{f.Url}: Content-Encoding {f.Encoding ?? "none"}"));

        // Icons are written as their names: one missing from the subset font would spell out its name
        // (each letter a full em wide) instead of drawing one glyph about an em wide.
        Assert.True(await page.EvaluateAsync<bool>("document.fonts.check('24px \"MutualAid Symbols\"')"));
        var icons = await page.EvaluateAsync<IconSize[]>(
            "[...document.querySelectorAll('.rzi')].filter(i => i.offsetParent && i.textContent.trim()).map(i => ({ name: i.textContent.trim(), width: i.getBoundingClientRect().width, em: parseFloat(getComputedStyle(i).fontSize) }))");
        Assert.NotEmpty(icons);
        Assert.All(icons, icon => Assert.True(icon.Width > 0 && icon.Width <= 1.5 * icon.Em, $"icon {icon.Name}: {icon.Width}px wide at {icon.Em}px"));
        await context.DisposeAsync();
    }

    private sealed class IconSize
    {
        public string Name { get; set; } = "";

        public double Width { get; set; }

        public double Em { get; set; }
    }
}
