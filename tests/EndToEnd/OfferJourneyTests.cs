namespace MutualAid.EndToEnd;

/// <summary>
/// An offer's life, from an empty network: a neighbour offers tins on the public form (after a
/// slip or two), the offer lands on the hub's board; the coordinator edits it while a dispatcher
/// has it open (whose save is then stale), pauses and resumes it; a neighbour asks for groceries;
/// the dispatcher, in two tabs, uses the offer up for that request; the coordinator withdraws a
/// second offer with a reason. The gap view is checked at every step. Production, SQLite, nothing seeded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfferJourneyTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    private const string Hub = "quay";

    [Fact]
    public async Task An_offer_from_the_public_form_is_run_from_the_board_and_used_up_for_a_request()
    {
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Quay", "cora@example.org", "Cora");
        await coordinator.GotoAsync($"/hubs/{Hub}/team");
        var dispatcher = await network.NewPage(browser.Browser);
        await Journey.Join(dispatcher, await Journey.TeamLink(coordinator, "Dispatcher"), "dan@example.org", "Dan");

        await coordinator.GotoAsync($"/hubs/{Hub}");
        await Expect(coordinator.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        await Expect(coordinator.GetByTestId("offers-grid")).ToContainTextAsync("No open offers.");
        await Expect(Gap(coordinator)).ToHaveCountAsync(0);

        // A neighbour offers on the public form; "a few" and 0 are not quantities, and what was typed is kept.
        var soup = "Tins of soup " + Guid.NewGuid().ToString("N")[..6];
        var neighbour = await network.NewPage(browser.Browser);
        await neighbour.GotoAsync("/offer");
        Assert.Equal(0, await neighbour.Locator("script").CountAsync());
        await neighbour.SelectOptionAsync("#hub", Hub);
        await neighbour.SelectOptionAsync("#kind", "Goods");
        await neighbour.SelectOptionAsync("#category", "Groceries");
        await neighbour.FillAsync("#description", soup);
        await neighbour.FillAsync("#unit", "tins");
        await neighbour.FillAsync("#area", "Tower Lane");
        await neighbour.FillAsync("#name", "Mrs Osei");
        await neighbour.FillAsync("#phone", "07700 900123");
        foreach (var (quantity, said) in new[] { ("a few", "Quantity must be a number, e.g. 20."), ("0", "Quantity must be more than zero.") })
        {
            await neighbour.FillAsync("#quantity", quantity);
            await neighbour.ClickAsync("main button[type=submit]");
            await Expect(neighbour.Locator("main")).ToContainTextAsync(said, new() { Timeout = 10000 });
            await Expect(neighbour.Locator("#description")).ToHaveValueAsync(soup);
        }

        await neighbour.FillAsync("#quantity", "2");
        await neighbour.ClickAsync("main button[type=submit]");
        await Expect(neighbour.Locator("main")).ToContainTextAsync("We have your offer. Your reference is", new() { Timeout = 10000 });
        var reference = await neighbour.GetByTestId("reference").InnerTextAsync();

        // It is on the open board at once, with the reference the neighbour would quote, and the gap view counts it.
        var row = OfferRow(coordinator, soup);
        await Expect(row).ToContainTextAsync("2 tins", new() { Timeout = 10000 });
        await Expect(row.GetByTestId("offer-reference")).ToHaveTextAsync(reference);
        await Expect(Gap(coordinator)).ToHaveTextAsync(["Groceries — Needs: 0", "Groceries — Offers: 1"]);

        // The dispatcher opens it too, and is still looking at it when the coordinator changes it.
        await dispatcher.GotoAsync($"/hubs/{Hub}");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var stale = await OpenOffer(dispatcher, soup);
        await Expect(stale.GetByTestId("offer-quantity")).ToHaveValueAsync("2");

        // The coordinator makes it three tins, available until a set time; what is left follows.
        var dialog = await OpenOffer(coordinator, soup);
        await Expect(dialog.GetByTestId("offer-status")).ToHaveTextAsync("Open");
        await Expect(dialog).ToContainTextAsync("07700 900123");
        await dialog.GetByTestId("offer-quantity").FillAsync("3");
        await dialog.GetByTestId("offer-available-until").FillAsync($"{DateTime.Now.Year + 1}-06-01T18:00");
        await dialog.GetByTestId("offer-save").ClickAsync();
        await Expect(dialog.GetByTestId("offer-message")).ToContainTextAsync("Done.", new() { Timeout = 10000 });
        await Expect(dialog.GetByTestId("offer-remaining")).ToHaveValueAsync("3");
        await Expect(row).ToContainTextAsync("3 tins", new() { Timeout = 10000 });

        // The dispatcher's save is on the version they saw: refused, told who changed what, shown what is true now.
        await stale.GetByTestId("offer-unit").FillAsync("cans");
        await stale.GetByTestId("offer-save").ClickAsync();
        await Expect(stale.GetByTestId("offer-message")).ToContainTextAsync("Cora changed quantity", new() { Timeout = 10000 });
        await Expect(stale.GetByTestId("offer-quantity")).ToHaveValueAsync("3");
        await Expect(stale.GetByTestId("offer-unit")).ToHaveValueAsync("tins");
        await stale.GetByTestId("offer-close").ClickAsync();
        await Expect(OfferRow(dispatcher, soup)).ToContainTextAsync("3 tins");

        // Paused, it stays on the board marked so but leaves the gap view; resumed, it is back.
        await dialog.GetByTestId("offer-pause").ClickAsync();
        await Expect(dialog.GetByTestId("offer-status")).ToHaveTextAsync("Paused", new() { Timeout = 10000 });
        await Expect(row.GetByTestId("offer-paused")).ToHaveTextAsync("Paused", new() { Timeout = 10000 });
        await Expect(Gap(coordinator)).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await dialog.GetByTestId("offer-resume").ClickAsync();
        await Expect(dialog.GetByTestId("offer-status")).ToHaveTextAsync("Open", new() { Timeout = 10000 });
        await Expect(row.GetByTestId("offer-paused")).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Expect(Gap(coordinator)).ToHaveTextAsync(["Groceries — Needs: 0", "Groceries — Offers: 1"], new() { Timeout = 10000 });
        await dialog.GetByTestId("offer-close").ClickAsync();

        // A neighbour asks for groceries nearby: a need the offer covers.
        var need = "A week's shopping " + Guid.NewGuid().ToString("N")[..6];
        await Journey.Ask(network, browser.Browser, Hub, "Groceries", need, ("Mr Haddad", "07700 900321"), area: "Tower Lane");
        await Expect(Gap(coordinator)).ToHaveTextAsync(["Groceries — Needs: 1", "Groceries — Offers: 1"], new() { Timeout = 10000 });

        // The dispatcher has the request open in two tabs; both list the offer, with why it fits.
        var second = await dispatcher.Context.NewPageAsync();
        await second.GotoAsync($"/hubs/{Hub}");
        await Expect(second.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var first = await OpenRequest(dispatcher, need);
        var other = await OpenRequest(second, need);
        foreach (var tab in new[] { first, other })
        {
            var fitting = tab.GetByTestId("offer-suggestion").Filter(new() { HasText = soup });
            await Expect(fitting).ToContainTextAsync("Groceries: 3 tins left", new() { Timeout = 10000 });
            await Expect(fitting).ToContainTextAsync("Same area (Tower Lane)");
        }

        // One tab uses a tin; the other, still showing three, is told it was just used and shown what is left.
        await Use(first, soup);
        await Expect(first.GetByTestId("dispatch-message")).ToContainTextAsync($"Took 1 (tins) of {soup}; 2 left.", new() { Timeout = 10000 });
        await Expect(row).ToContainTextAsync("2 tins", new() { Timeout = 10000 });
        await Use(other, soup);
        await Expect(other.GetByTestId("dispatch-message")).ToContainTextAsync("Dan took 1 tins", new() { Timeout = 10000 });
        await Expect(other.GetByTestId("offer-suggestion").Filter(new() { HasText = soup })).ToContainTextAsync("2 tins left", new() { Timeout = 10000 });

        // A second tin straight away from the first tab is its own change, not someone else's.
        await Use(first, soup);
        await Expect(first.GetByTestId("dispatch-message")).ToContainTextAsync($"Took 1 (tins) of {soup}; 1 left.", new() { Timeout = 10000 });
        await Expect(row).ToContainTextAsync("1 tins", new() { Timeout = 10000 });

        // The other tab, told again, takes the last: the offer closes, leaves the boards, and the need is a gap.
        await Use(other, soup);
        await Expect(other.GetByTestId("dispatch-message")).ToContainTextAsync("Dan took 1 tins", new() { Timeout = 10000 });
        await Use(other, soup);
        await Expect(other.GetByTestId("dispatch-message")).ToContainTextAsync($"Took the last 1 (tins) of {soup}; the offer is used up.", new() { Timeout = 10000 });
        await Expect(other.GetByTestId("offer-suggestion")).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Expect(coordinator.GetByTestId("offers-grid")).ToContainTextAsync("No open offers.", new() { Timeout = 10000 });
        await Expect(dispatcher.GetByTestId("offers-grid")).ToContainTextAsync("No open offers.", new() { Timeout = 10000 });
        await Expect(Gap(coordinator)).ToHaveTextAsync(["Groceries — Needs: 1", "Groceries — Offers: 0"], new() { Timeout = 10000 });
        await Expect(coordinator.Locator("main")).ToContainTextAsync("Needs with no offers: Groceries");

        // The first tab, still listing it, cannot take from it: it is told who took the last.
        await Use(first, soup);
        await Expect(first.GetByTestId("dispatch-message")).ToContainTextAsync("Dan took 1 tins", new() { Timeout = 10000 });
        await Expect(first.GetByTestId("offer-suggestion")).ToHaveCountAsync(0, new() { Timeout = 10000 });

        // The coordinator takes a lift by phone, then withdraws it: a reason is required and kept.
        await coordinator.GetByTestId("offer-new").ClickAsync();
        var entry = coordinator.GetByTestId("offer-dialog");
        await Expect(entry).ToBeVisibleAsync(new() { Timeout = 10000 });
        var lift = "Lift to the clinic " + Guid.NewGuid().ToString("N")[..6];
        await entry.GetByTestId("offer-kind").SelectOptionAsync("SkillOrTime");
        await entry.GetByTestId("offer-category").SelectOptionAsync("Transport");
        await entry.GetByTestId("offer-description-input").FillAsync(lift);
        await entry.GetByTestId("offer-quantity").FillAsync("2");
        await entry.GetByTestId("offer-unit").FillAsync("trips");
        await entry.GetByTestId("offer-giver-name").FillAsync("Mr Brook");
        await entry.GetByTestId("offer-save").ClickAsync();
        await Expect(OfferRow(coordinator, lift)).ToContainTextAsync("2 trips", new() { Timeout = 10000 });
        await Expect(Gap(coordinator)).ToHaveTextAsync(
            ["Groceries — Needs: 1", "Groceries — Offers: 0", "Transport — Needs: 0", "Transport — Offers: 1"], new() { Timeout = 10000 });

        dialog = await OpenOffer(coordinator, lift);
        await dialog.GetByTestId("offer-withdraw").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Say why", new() { Timeout = 10000 });
        await dialog.GetByTestId("offer-withdraw-reason").FillAsync("He is away this month");
        await dialog.GetByTestId("offer-withdraw").ClickAsync();
        await Expect(OfferRow(coordinator, lift)).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Expect(OfferRow(dispatcher, lift)).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Expect(Gap(coordinator)).ToHaveTextAsync(["Groceries — Needs: 1", "Groceries — Offers: 0"], new() { Timeout = 10000 });
    }

    /// <summary>The gap view's figures, one per bar ("Groceries — Needs: 1"), in the chart's order.</summary>
    private static ILocator Gap(IPage board) => board.Locator(".ma-gap-chart rect title");

    private static ILocator OfferRow(IPage board, string description) =>
        board.GetByTestId("offers-grid").Locator("tr").Filter(new() { HasText = description });

    private static async Task<ILocator> OpenOffer(IPage board, string description)
    {
        await OfferRow(board, description).GetByTestId("offer-open").ClickAsync(new() { Timeout = 30000 });
        var dialog = board.GetByTestId("offer-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        return dialog;
    }

    private static async Task<ILocator> OpenRequest(IPage board, string need)
    {
        var row = board.Locator("tr").Filter(new() { Has = board.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = board.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        return dialog;
    }

    /// <summary>"Use 1 …" on the offer as this dialog lists it, once the dialog is free to act again.</summary>
    private static async Task Use(ILocator dialog, string description)
    {
        var use = dialog.GetByTestId("offer-suggestion").Filter(new() { HasText = description }).GetByTestId("use-offer");
        await Expect(use).ToBeEnabledAsync(new() { Timeout = 10000 });
        await use.ClickAsync();
    }
}
