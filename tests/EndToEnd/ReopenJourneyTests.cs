namespace MutualAid.EndToEnd;

/// <summary>
/// A closed request brought back, from an empty network (Production, SQLite, nothing seeded), all in
/// the browser. A dispatcher cancels a neighbour's request, and it leaves the board; the neighbour rings
/// back ("nobody came"), the dispatcher types their reference into the board's find box as it is read
/// out over the phone, and the dialog opens on the cancelled request. Reopening it asks why; once
/// reopened it is back on the board and the neighbour's /status says help is being arranged again.
/// Another hub's reference finds nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReopenJourneyTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    [Fact]
    public async Task A_cancelled_request_is_found_by_its_reference_and_reopened_with_a_reason_back_onto_the_board()
    {
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Larch", "lena@example.org", "Lena");
        var (dispatcher, _) = await Journey.Team(network, browser.Browser, coordinator, "larch");

        const string phone = "07700 900765";
        var need = "A lift to the eye clinic on Thursday " + Guid.NewGuid().ToString("N")[..6];
        var code = await Journey.Ask(network, browser.Browser, "larch", "Transport", need, ("Mrs Adeyemi", phone), area: "Birch Road");

        // The dispatcher cancels it from the dialog, with a reason: it leaves the board.
        await dispatcher.GotoAsync("/hubs/larch");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var row = dispatcher.Locator("tr").Filter(new() { Has = dispatcher.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = dispatcher.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Expect(dialog.GetByTestId("reopen")).ToHaveCountAsync(0);
        var reason = dialog.GetByRole(AriaRole.Textbox, new() { Name = "Reason", Exact = true });
        await reason.FillAsync("Her son said he would drive her");
        await dialog.GetByTestId("cancel").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.", new() { Timeout = 10000 });
        await Expect(dialog.GetByTestId("dispatch-status")).ToHaveTextAsync("Cancelled", new() { Timeout = 10000 });
        await dialog.GetByTestId("close-dialog").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Expect(row).ToHaveCountAsync(0, new() { Timeout = 10000 });

        var neighbour = await network.NewPage(browser.Browser);
        await neighbour.GotoAsync("/status");
        await Expect(await Journey.Status(neighbour, code, phone[^4..])).ToContainTextAsync("Your request was cancelled.");

        // She rings back: nobody came. The dispatcher types the reference as she reads it out, in lower
        // case and without its dash, and the find box opens the dialog on the cancelled request.
        var typed = code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        Assert.NotEqual(code, typed);
        var find = dispatcher.GetByTestId("find-reference");
        await Expect(find.GetByRole(AriaRole.Searchbox, new() { Name = "Find a request by its reference, open or closed", Exact = true })).ToBeVisibleAsync();
        // Until the board answers, either way: the dialog, or that it found nothing.
        await Journey.Until(dialog.Or(find.GetByTestId("find-reference-none")), async () =>
        {
            await find.GetByTestId("find-reference-code").FillAsync(typed);
            await find.GetByTestId("find-reference-go").ClickAsync();
        });
        await Expect(find.GetByTestId("find-reference-none")).ToHaveCountAsync(0);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dispatcher.GetByRole(AriaRole.Dialog)).ToContainTextAsync(code);
        await Expect(dialog.GetByTestId("dispatch-status")).ToHaveTextAsync("Cancelled");
        await Expect(dialog).ToContainTextAsync(need);
        await Expect(dialog.GetByTestId("cancel")).ToHaveCountAsync(0);

        // Reopening says why, as cancelling did; with a reason it is done.
        await dialog.GetByTestId("reopen").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Say why it is reopened.", new() { Timeout = 10000 });
        await Expect(dialog.GetByTestId("dispatch-status")).ToHaveTextAsync("Cancelled");
        await reason.FillAsync("Her son cannot drive after all; she rang back");
        await dialog.GetByTestId("reopen").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.", new() { Timeout = 10000 });
        await Expect(dialog.GetByTestId("dispatch-status")).ToHaveTextAsync("Reopened", new() { Timeout = 10000 });
        await Expect(dialog.GetByTestId("reopen")).ToHaveCountAsync(0);
        await dialog.GetByTestId("close-dialog").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 10000 });

        // Back on the board, waiting to be placed again; and the neighbour reads that help is being arranged.
        await Expect(row).ToBeVisibleAsync(Live);
        await Expect(row).ToContainTextAsync("Reopened");
        await Expect(await Journey.Status(neighbour, code, phone[^4..])).ToContainTextAsync("We are arranging help for your request.");
    }

    [Fact]
    public async Task Another_hubs_reference_finds_nothing_in_a_hubs_find_box()
    {
        var linden = await Journey.HubCoordinator(network, browser.Browser, "Linden", "lin@example.org", "Lin");
        var marsh = await Journey.HubCoordinator(network, browser.Browser, "Marsh", "mara@example.org", "Mara");
        var need = "Help hanging a curtain rail " + Guid.NewGuid().ToString("N")[..6];
        var code = await Journey.Ask(network, browser.Browser, "marsh", "Other", need, ("Mr Petrov", "07700 900766"), area: "Reed Lane");

        // Linden's board knows nothing of Marsh's request, and says only that this hub has no such reference.
        await linden.GotoAsync("/hubs/linden");
        await Expect(linden.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var find = linden.GetByTestId("find-reference");
        var none = find.GetByTestId("find-reference-none");
        await Journey.Until(none.Or(linden.GetByRole(AriaRole.Dialog)), async () =>
        {
            await find.GetByTestId("find-reference-code").FillAsync(code);
            await find.GetByTestId("find-reference-go").ClickAsync();
        });
        await Expect(linden.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(none).ToHaveTextAsync("No request of this hub has that reference.");
        await Expect(linden.Locator("main")).Not.ToContainTextAsync(need);

        // The same reference in Marsh's own find box opens it: the code was a real one.
        await marsh.GotoAsync("/hubs/marsh");
        await Expect(marsh.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var dialog = marsh.GetByTestId("dispatch-dialog");
        await Journey.Until(dialog.Or(marsh.GetByTestId("find-reference-none")), async () =>
        {
            await marsh.GetByTestId("find-reference-code").FillAsync(code);
            await marsh.GetByTestId("find-reference-go").ClickAsync();
        });
        await Expect(dialog).ToContainTextAsync(need);
        await Expect(marsh.GetByTestId("find-reference-none")).ToHaveCountAsync(0);
    }
}
