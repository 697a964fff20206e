namespace MutualAid.EndToEnd;

/// <summary>
/// Named areas from nothing: the administrator makes a hub, its coordinator lists an area on the
/// settings page (a click on the map, then the exact numbers), a neighbour asks on /ask choosing that
/// area with no script, and the coordinator's map shows the request at the area's approximate point.
/// </summary>
[Collection(BesideBrowserCollection.Name)]
public sealed class AreasOnTheMapTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    [Fact]
    public async Task A_request_from_ask_with_an_area_appears_at_that_area_on_the_map()
    {
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Meadow", "cora@example.org", "Cora");

        // The coordinator lists an area: a click on the map proposes a point, the numbers make it exact.
        await coordinator.GotoAsync("/hubs/meadow/settings");
        // Leaflet marks its element once the circuit has drawn the map, so clicks from here on are heard.
        await Expect(coordinator.Locator("[data-testid=areas-map].leaflet-container")).ToBeVisibleAsync(Live);
        await coordinator.GetByTestId("area-name").FillAsync("Riverside");
        await coordinator.GetByTestId("areas-map").ClickAsync();
        var latitude = coordinator.GetByTestId("area-latitude").Locator("input");
        var longitude = coordinator.GetByTestId("area-longitude").Locator("input");
        await Expect(latitude).Not.ToHaveValueAsync("", new() { Timeout = 10000 });
        await latitude.FillAsync("51.5123");
        await longitude.FillAsync("-0.0912");
        await coordinator.GetByTestId("area-add").ClickAsync();
        await Expect(coordinator.Locator("[data-testid=areas-row][data-name=Riverside]")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await coordinator.GetByTestId("areas-save").ClickAsync();
        await Expect(coordinator.GetByTestId("areas-save")).ToBeDisabledAsync(new() { Timeout = 10000 });
        await Expect(coordinator.GetByTestId("areas-error")).ToHaveCountAsync(0);
        await coordinator.ReloadAsync();
        await Expect(coordinator.Locator("[data-testid=areas-row][data-name=Riverside]")).ToContainTextAsync("51.5123, -0.0912", new() { Timeout = 30000 });

        // A neighbour asks on the public form, choosing the area from a plain select.
        var need = "Nappies and formula " + Guid.NewGuid().ToString("N")[..6];
        await Journey.Ask(network, browser.Browser, "meadow", "Food", need, ("Mr Novak", "07700 900555"), place: "Riverside");

        // The coordinator's map holds a request marker at the area's cell, never anywhere more exact.
        await coordinator.GotoAsync("/hubs/meadow/map");
        await coordinator.WaitForFunctionAsync(
            "() => JSON.parse(document.querySelector('[data-testid=map]')?.dataset.markers ?? '[]').some(m => m.kind === 'request' && m.lat === 51.51 && m.lng === -0.09)",
            null, new() { Timeout = 30000 });
        var row = coordinator.GetByTestId("map-list-row").Filter(new() { HasText = "Riverside" });
        await Expect(row).ToHaveAttributeAsync("data-lat", "51.51");
        await Expect(row).ToHaveAttributeAsync("data-lng", "-0.09");

        // The gap view by area counts the need under Riverside.
        await coordinator.GotoAsync("/hubs/meadow");
        await Expect(coordinator.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        await coordinator.GetByTestId("gap-mode").GetByText("By area").ClickAsync();
        var riverside = coordinator.Locator("[data-testid=gap-area-row][data-area=Riverside]");
        await Expect(riverside).ToHaveAttributeAsync("data-needs", "1", new() { Timeout = 10000 });
        await Expect(riverside).ToHaveAttributeAsync("data-offers", "0");
    }
}
