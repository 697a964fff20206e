namespace MutualAid.EndToEnd;

/// <summary>
/// A job for two people, from an empty network: the administrator sets up a hub and its coordinator;
/// the coordinator invites a dispatcher and two volunteers; a neighbour asks on the public form; the
/// dispatcher marks it as needing two, places the first volunteer (the request waits, "1 of 2"), who
/// accepts it from their open page while it waits; the second placed makes the pair. Then the
/// neighbour locks their /status code with five wrong digits, the dispatcher unlocks it from the
/// dispatch dialog, and the right digits answer again. Production, SQLite, nothing seeded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WaitingPairJourneyTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    private const string Phone = "07700 900321";

    [Fact]
    public async Task A_pair_waits_for_its_second_volunteer_and_a_locked_status_code_is_unlocked_by_the_dispatcher()
    {
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Wharf", "cora@example.org", "Cora");
        var (dispatcher, vic) = await Journey.Team(network, browser.Browser, coordinator, "wharf");
        var wen = await Journey.Volunteer(network, browser.Browser, coordinator, "wen@example.org", "Wen Li");

        // Both say they help with groceries, and keep their live assignments page open.
        foreach (var volunteer in new[] { vic, wen })
        {
            await volunteer.CheckAsync("input[name=CanHelpWith][value=Groceries]");
            await volunteer.GetByTestId("profile-save").ClickAsync();
            await Expect(volunteer.GetByTestId("profile-saved")).ToBeVisibleAsync(new() { Timeout = 10000 });
            await volunteer.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).First.ClickAsync();
            await Expect(volunteer.GetByTestId("nothing-assigned")).ToBeVisibleAsync(Live);
        }

        // A neighbour asks on the public form; one person cannot carry it alone.
        var need = "Carry a week's shopping up four floors " + Guid.NewGuid().ToString("N")[..6];
        var code = await Journey.Ask(network, browser.Browser, "wharf", "Groceries", need, ("Mr Haddad", Phone), area: "Tower Lane");

        // The dispatcher marks it as needing two volunteers from the dialog's edit form.
        await dispatcher.GotoAsync("/hubs/wharf");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var row = dispatcher.Locator("tr").Filter(new() { Has = dispatcher.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        var dialog = await Open(dispatcher, row);
        await dialog.GetByTestId("edit-panel").Locator(".rz-panel-titlebar-toggler").ClickAsync();
        // As a person would, it saves once the box shows ticked.
        await Journey.Until(dialog.GetByTestId("edit-two").Locator(".rz-chkbox-box.rz-state-active"), () => dialog.GetByTestId("edit-two").ClickAsync());
        await dialog.GetByTestId("edit-save").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.", new() { Timeout = 10000 });
        await Expect(row.GetByTestId("pair-held")).ToContainTextAsync("0 of 2", new() { Timeout = 10000 });

        // Vic is placed first: the request still waits for a partner.
        await Assign(dialog, "Vic Okafor");
        await Expect(dialog.GetByTestId("dispatch-status")).ToHaveTextAsync("New");
        await Expect(row.GetByTestId("pair-held")).ToContainTextAsync("1 of 2", new() { Timeout = 10000 });

        // Vic's open page shows it while it waits, with accept and decline; Vic accepts.
        var vicsCard = vic.GetByTestId("my-assignment").Filter(new() { HasText = need });
        await Expect(vicsCard).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Expect(vicsCard.GetByTestId("decline")).ToBeVisibleAsync();
        await vicsCard.GetByTestId("accept").ClickAsync();
        await Expect(vicsCard.GetByTestId("accept")).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Expect(vicsCard.GetByTestId("claim-until")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Expect(vicsCard.GetByTestId("picked-up")).ToHaveCountAsync(0);
        await Expect(wen.GetByTestId("nothing-assigned")).ToBeVisibleAsync();

        // Wen is placed beside Vic (the dialog opened again, as it shows what is true when opened): the pair is complete.
        await dialog.GetByTestId("close-dialog").ClickAsync();
        dialog = await Open(dispatcher, row);
        await Expect(dialog.GetByTestId("suggestion").Filter(new() { HasText = "Vic Okafor" })).ToHaveCountAsync(0);
        await Assign(dialog, "Wen Li");
        await Expect(dialog.GetByTestId("dispatch-status")).ToHaveTextAsync("Assigned");
        await Expect(row.GetByTestId("pair-held")).ToContainTextAsync("2 of 2", new() { Timeout = 10000 });
        await Expect(row.GetByTestId("assigned-volunteer")).ToContainTextAsync("Vic Okafor & Wen Li");

        // Wen's open page shows it without a reload; Wen accepts; both hold the assigned job.
        var wensCard = wen.GetByTestId("my-assignment").Filter(new() { HasText = need });
        await Expect(wensCard).ToBeVisibleAsync(new() { Timeout = 10000 });
        await wensCard.GetByTestId("accept").ClickAsync();
        await Expect(wensCard.GetByTestId("accept")).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Expect(wensCard.GetByTestId("assignment-status")).ToHaveTextAsync("Assigned", new() { Timeout = 10000 });
        await Expect(vicsCard.GetByTestId("assignment-status")).ToHaveTextAsync("Assigned", new() { Timeout = 10000 });
        await dialog.GetByTestId("close-dialog").ClickAsync();

        // The neighbour checks on it, mistypes their digits five times, and the code is locked:
        // even the right digits now answer "not found".
        var neighbour = await network.NewPage(browser.Browser);
        await neighbour.GotoAsync("/status");
        for (var wrong = 0; wrong < 5; wrong++)
        {
            await Expect(await Journey.Status(neighbour, code, "1111")).ToContainTextAsync("We could not find a request");
        }

        await Expect(await Journey.Status(neighbour, code, Phone[^4..])).ToContainTextAsync("We could not find a request");

        // The dispatcher sees the lock in the dialog and unlocks it for them.
        dialog = await Open(dispatcher, row);
        await Expect(dialog.GetByTestId("status-locked")).ToContainTextAsync("5 wrong phone digits", new() { Timeout = 10000 });
        await dialog.GetByTestId("status-unlock").ClickAsync();
        await Expect(dialog.GetByTestId("status-lock-said")).ToContainTextAsync("Unlocked", new() { Timeout = 10000 });
        await Expect(dialog.GetByTestId("status-locked")).ToHaveCountAsync(0);

        // The right code and digits answer again: help is on the way, and nobody is named.
        var answer = await Journey.Status(neighbour, code, Phone[^4..]);
        await Expect(answer).ToContainTextAsync("A volunteer is on the way.");
        await Expect(neighbour.Locator("main")).Not.ToContainTextAsync("Okafor");
        await Expect(neighbour.Locator("main")).Not.ToContainTextAsync("Wen Li");
    }

    /// <summary>Opens the request's dispatch dialog from its row on the board.</summary>
    private static async Task<ILocator> Open(IPage dispatcher, ILocator row)
    {
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = dispatcher.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        return dialog;
    }

    private static async Task Assign(ILocator dialog, string volunteer)
    {
        var suggestion = dialog.GetByTestId("suggestion").Filter(new() { HasText = volunteer });
        await Expect(suggestion).ToBeVisibleAsync(new() { Timeout = 10000 });
        await suggestion.GetByTestId("assign").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.", new() { Timeout = 10000 });
    }
}
