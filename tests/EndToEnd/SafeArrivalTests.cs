namespace MutualAid.EndToEnd;

/// <summary>
/// Safe arrival from nothing: a coordinator records the volunteer's Safeguarding training check (eldercare
/// needs it) and shortens the hub's visit timers on its settings page (a test network counts in seconds; no
/// debug endpoint), a neighbour asks for eldercare (a visit), the dispatcher assigns the volunteer, the
/// volunteer taps "I'm here" on their phone and never says they left; the alarm appears on the
/// coordinator's open board by itself and the coordinator acknowledges it.
/// </summary>
[Collection(BesideBrowserCollection.Name)]
public sealed class SafeArrivalTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    [Fact]
    public async Task A_volunteer_who_never_says_they_left_raises_an_alarm_on_the_coordinators_open_board()
    {
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Quay", "cora@example.org", "Cora");
        var (dispatcher, volunteer) = await Journey.Team(network, browser.Browser, coordinator, "quay");
        await volunteer.CheckAsync("input[name=CanHelpWith][value=Eldercare]");
        await volunteer.GetByTestId("profile-save").ClickAsync();
        await Expect(volunteer.GetByTestId("profile-saved")).ToBeVisibleAsync(new() { Timeout = 10000 });

        // Eldercare needs the Safeguarding training check by default; until it is recorded Vic is never suggested for it.
        await coordinator.GotoAsync("/hubs/quay/vetting");
        var vicsChecks = coordinator.GetByTestId("vetting-volunteers").Locator("tr").Filter(new() { HasText = "Vic Okafor" });
        await Expect(vicsChecks).ToContainTextAsync("Safeguarding training", new() { Timeout = 30000 });
        await Expect(vicsChecks.GetByTestId("vetting-check-list")).ToHaveCountAsync(0);
        await Journey.Choose(coordinator, "record-volunteer", "Vic Okafor");
        await Journey.Choose(coordinator, "record-check", "Safeguarding training");
        await coordinator.GetByTestId("record-save").ClickAsync();
        await Expect(vicsChecks.GetByTestId("vetting-check-list")).ToContainTextAsync("Safeguarding training", new() { Timeout = 10000 });

        // Fifteen seconds' visit (this network's shortest time, see AppProcess), fifteen seconds' margin: the alarm
        // is due half a minute after "I'm here".
        await coordinator.GotoAsync("/hubs/quay/settings");
        foreach (var (field, minutes) in new[] { ("arrival-expected", "0.25"), ("arrival-margin", "0.25"), ("arrival-escalate", "30") })
        {
            var input = coordinator.Locator($"[data-testid={field}] input, input[data-testid={field}]").First;
            await Expect(input).ToBeVisibleAsync(Live);
            await input.FillAsync(minutes);
            await input.PressAsync("Tab");
        }

        await coordinator.GetByTestId("arrival-save").ClickAsync();
        await Expect(coordinator.Locator(".rz-notification")).ToContainTextAsync("Safe-arrival timers saved", new() { Timeout = 10000 });

        var need = "Sit with my father this evening " + Guid.NewGuid().ToString("N")[..6];
        await Journey.Ask(network, browser.Browser, "quay", "Eldercare", need, ("Mr Osei", "07700 900555"), area: "Quay Street");

        await dispatcher.GotoAsync("/hubs/quay");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var row = dispatcher.Locator("tr").Filter(new() { Has = dispatcher.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await Expect(row.GetByTestId("visit-badge")).ToBeVisibleAsync(Live);
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = dispatcher.GetByTestId("dispatch-dialog");
        var vic = dialog.GetByTestId("suggestion").Filter(new() { HasText = "Vic Okafor" });
        await Expect(vic).ToBeVisibleAsync(new() { Timeout = 10000 });
        await vic.GetByTestId("assign").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.");

        // The coordinator's board is open, live, before anything happens at the door.
        await coordinator.GotoAsync("/hubs/quay");
        await Expect(coordinator.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        await Expect(coordinator.GetByTestId("arrival-alarm")).ToHaveCountAsync(0);

        // Vic on their phone: the plain jobs page, accept, then "I'm here".
        var phone = await network.NewPage(browser.Browser, phone: true);
        await phone.GotoAsync("/account/login");
        await phone.FillAsync("#email", "vic@example.org");
        await phone.FillAsync("#password", Journey.Password);
        await phone.ClickAsync("main button[type=submit]");
        await phone.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await phone.GotoAsync("/my/jobs");
        var job = phone.Locator("section").Filter(new() { HasText = need });
        await job.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await phone.Locator("section").Filter(new() { HasText = need }).GetByTestId("arrive").ClickAsync(new() { Timeout = 10000 });
        await Expect(phone.Locator("section").Filter(new() { HasText = need }).GetByTestId("left-safely")).ToBeVisibleAsync(new() { Timeout = 10000 });

        // Time passes and Vic never says they left: the alarm comes to the open board by itself.
        var alarm = coordinator.GetByTestId("arrival-alarm");
        await Expect(alarm).ToBeVisibleAsync(new() { Timeout = 120000 });
        await Expect(alarm.GetByTestId("alarm-text")).ToContainTextAsync("Vic Okafor");
        await alarm.GetByTestId("acknowledge-alarm").ClickAsync();
        await Expect(alarm.GetByTestId("alarm-acknowledged")).ToContainTextAsync("Cora", new() { Timeout = 10000 });

        // Vic says they left safely: the alarm leaves the board.
        await phone.Locator("section").Filter(new() { HasText = need }).GetByTestId("left-safely").ClickAsync();
        await Expect(coordinator.GetByTestId("arrival-alarm")).ToHaveCountAsync(0, new() { Timeout = 30000 });
    }
}
