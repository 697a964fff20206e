namespace MutualAid.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class MapTests(BrowserFixture fixture) : BrowserTest(fixture.Browser)
{
    // Exact coordinates typed at intake; the map may only ever see their ~1 km cell (51.54, -0.11).
    private const string ExactLatitude = "51.53719";
    private const string ExactLongitude = "-0.11283";

    private static Task<int> MarkerCount(IPage page) =>
        page.EvaluateAsync<int>("() => Number(document.querySelector('[data-testid=map]')?.dataset.markerCount ?? -1)");

    private static async Task WaitForMarkers(IPage page, string condition, int timeout) =>
        await page.WaitForFunctionAsync($"() => {{ const n = Number(document.querySelector('[data-testid=map]')?.dataset.markerCount ?? -1); return {condition}; }}",
            null, new() { Timeout = timeout });

    [Fact]
    public async Task The_map_draws_the_demo_hub_offline_and_a_request_entered_elsewhere_appears_live_only_approximately()
    {
        var page = await fixture.NewPage("coordinator");
        var origin = fixture.App.BaseAddress.GetLeftPart(UriPartial.Authority);
        var requested = new List<string>();
        var problems = new List<string>();
        var frames = new StringBuilder();
        page.Request += (_, r) => { lock (requested) requested.Add(r.Url); };
        page.Console += (_, m) => { if (m.Type is "error" or "warning") lock (problems) problems.Add(m.Text); };
        page.PageError += (_, e) => { lock (problems) problems.Add(e); };
        page.WebSocket += (_, ws) =>
        {
            ws.FrameReceived += (_, f) => { lock (frames) frames.Append(f.Text ?? Encoding.Latin1.GetString(f.Binary ?? [])); };
        };

        await page.GotoAsync("/hubs/north");
        await page.GetByTestId("open-map").ClickAsync(new() { Timeout = 30000 });
        await page.WaitForURLAsync("**/hubs/north/map");
        try
        {
            await WaitForMarkers(page, "n > 0", 30000);
        }
        catch (TimeoutException)
        {
            var content = await page.ContentAsync();
            lock (problems) throw new TimeoutException("The map drew no markers. Console:\n" + string.Join("\n", problems) + "\n" + content);
        }

        await Expect(page.Locator(".leaflet-container")).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=map] .leaflet-marker-icon").CountAsync() > 0, "no markers or clusters drawn");
        Assert.Equal(0, await page.Locator("[data-testid=map] .leaflet-tile").CountAsync()); // no tile server configured: nothing fetched
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("role", "region");
        await Expect(page.GetByTestId("map-help")).ToContainTextAsync("approximate");
        var before = await MarkerCount(page);
        await Expect(page.GetByTestId("map-list-row")).ToHaveCountAsync(before);
        await Expect(page.GetByTestId("map-list")).ToContainTextAsync("Critical");

        await page.WaitForTimeoutAsync(800); // let the fit-to-markers zoom settle
        await Screenshots.Save(page, "map");

        var area = "Map Street " + Guid.NewGuid().ToString("N")[..6];
        var intake = await fixture.NewPage("coordinator");
        await PhoneIntake.Enter(intake, new PhoneCall("Map Caller", area, "E2E: map check") { Urgency = "Critical", Latitude = ExactLatitude, Longitude = ExactLongitude });

        await WaitForMarkers(page, $"n === {before + 1}", 5000);
        var row = page.GetByTestId("map-list-row").Filter(new() { HasText = area });
        await Expect(row).ToContainTextAsync("51.54, -0.11");
        await Expect(row).ToContainTextAsync("Critical");

        var html = await page.ContentAsync();
        string received;
        lock (frames) received = frames.ToString();
        foreach (var exact in new[] { ExactLatitude, ExactLongitude[1..] })
        {
            Assert.DoesNotContain(exact, html, StringComparison.Ordinal);
            Assert.DoesNotContain(exact, received, StringComparison.Ordinal);
        }

        Assert.Contains("51.54", received, StringComparison.Ordinal); // the snapped cell did arrive (the check above can fail)
        lock (requested)
        {
            Assert.Contains(requested, u => u.EndsWith("/vendor/leaflet/leaflet.js", StringComparison.Ordinal));
            Assert.All(requested.Where(u => !u.StartsWith("data:", StringComparison.Ordinal)), u => Assert.StartsWith(origin + "/", u, StringComparison.Ordinal));
        }

        // A CSP refusal ("Refused to load/apply ...") or a script error would show here.
        lock (problems)
        {
            var unexpected = problems.Where(p => !p.Contains("favicon", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(unexpected.Count == 0, "Console problems:\n" + string.Join("\n", unexpected));
        }
    }
}
