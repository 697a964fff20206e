namespace MutualAid.EndToEnd;

/// <summary>
/// A network that starts from nothing, as a new operator's does: the administrator sets up, makes a
/// hub, invites its coordinator; the coordinator invites a dispatcher and a volunteer; the volunteer
/// fills in their profile; a neighbour asks on the public form; the dispatcher assigns the volunteer
/// from the suggestions; the volunteer sees it arrive, does the job and their time bank shows it.
/// No demo account or seeded data anywhere, and the app runs in Production on SQLite.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FromNothingTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    [Fact]
    public async Task A_new_network_puts_an_invited_volunteer_to_work_on_a_public_request()
    {
        // The administrator sets up, makes a region and a hub and invites its coordinator, picked from the list.
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Harbour", "cora@example.org", "Cora");

        // The coordinator builds the team from the team page.
        var (dispatcher, volunteer) = await Journey.Team(network, browser.Browser, coordinator, "harbour");

        // The team page lists everyone who joined.
        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByTestId("member-dan@example.org")).ToBeVisibleAsync(Live);
        await Expect(coordinator.GetByTestId("member-vic@example.org")).ToBeVisibleAsync(Live);

        // The volunteer's first page is their profile.
        Assert.EndsWith("/my/profile", volunteer.Url, StringComparison.Ordinal);
        await volunteer.CheckAsync("input[name=CanHelpWith][value=Medicine]");
        await volunteer.FillAsync("#Skills", "pharmacy runs");
        await volunteer.FillAsync("#Languages", "English, Igbo");
        await volunteer.CheckAsync("input[name=HasVehicle]");
        await volunteer.GetByTestId("profile-save").ClickAsync();
        await Expect(volunteer.GetByTestId("profile-saved")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Screenshots.Save(volunteer, "profile", fullPage: true);

        // Their live page is open before anything is assigned.
        await volunteer.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).First.ClickAsync();
        await Expect(volunteer.GetByTestId("nothing-assigned")).ToBeVisibleAsync(Live);

        // A neighbour asks on the public form, with no account.
        var need = "Insulin from the pharmacy " + Guid.NewGuid().ToString("N")[..6];
        await Journey.Ask(network, browser.Browser, "harbour", "Medicine", need, ("Mrs Adeyemi", "07700 900777"), area: "Dock Road");

        // The dispatcher assigns Vic, chosen from the suggestions.
        await dispatcher.GotoAsync("/hubs/harbour");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var row = dispatcher.Locator("tr").Filter(new() { Has = dispatcher.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = dispatcher.GetByTestId("dispatch-dialog");
        var vic = dialog.GetByTestId("suggestion").Filter(new() { HasText = "Vic Okafor" });
        await Expect(vic).ToBeVisibleAsync(new() { Timeout = 10000 });
        await vic.GetByTestId("assign").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.");

        // Vic's open page shows it without a reload: accept, picked up, delivered after 1.5 h.
        var card = volunteer.GetByTestId("my-assignment").Filter(new() { HasText = need });
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(card.GetByTestId("picked-up")).ToHaveCountAsync(0);
        await card.GetByTestId("accept").ClickAsync();
        await card.GetByTestId("picked-up").ClickAsync(new() { Timeout = 10000 });
        var hours = card.Locator("[data-testid=hours-given] input, input[data-testid=hours-given]").First;
        await Expect(hours).ToBeVisibleAsync(new() { Timeout = 10000 });
        await hours.FillAsync("1.5");
        await hours.PressAsync("Tab");
        await card.GetByTestId("delivered").ClickAsync();
        await Expect(volunteer.GetByTestId("my-assignment").Filter(new() { HasText = need })).ToHaveCountAsync(0, new() { Timeout = 10000 });
        // A new volunteer: the time bank holds exactly this job.
        await Expect(volunteer.GetByTestId("hours-total")).ToContainTextAsync(1.5.ToString("0.##", CultureInfo.GetCultureInfo("en-GB")) + " h", new() { Timeout = 10000 });

        await coordinator.GotoAsync("/hubs/harbour/team");
        await Expect(coordinator.GetByTestId("member-vic@example.org")).ToBeVisibleAsync(Live);
        await Screenshots.Save(coordinator, "team", fullPage: true);

        // The coordinator takes Dan's role away while his board is open: his open page loses the hub
        // within seconds (he is sent to sign in again), with no reload on his side.
        await dispatcher.GotoAsync("/hubs/harbour");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        await coordinator.GetByTestId("remove-Dispatcher-dan@example.org").ClickAsync();
        await Expect(coordinator.GetByTestId("member-dan@example.org")).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await dispatcher.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 5000 });
        await Expect(dispatcher.Locator(".ma-live-ok")).ToHaveCountAsync(0);
    }
}
