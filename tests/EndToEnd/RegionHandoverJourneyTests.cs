namespace MutualAid.EndToEnd;

/// <summary>
/// Hubs helping each other, and keeping claims honest, from an empty network (Production, SQLite,
/// nothing seeded), all in the browser. A dispatcher passes a need their hub cannot meet to the region
/// by hand, and must say why; another hub of the region reads the reason on the region's page and takes
/// it onto its own board. And a coordinator sets how many claims a volunteer may give back in an hour:
/// one more than that and the volunteer cannot claim, until the coordinator clears it from the board.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegionHandoverJourneyTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    [Fact]
    public async Task A_dispatcher_passes_a_need_to_the_region_saying_why_and_another_hub_of_the_region_takes_it_in()
    {
        // Two hubs of one region ("East Side", where Journey makes every hub), each with its coordinator.
        var orchard = await Journey.HubCoordinator(network, browser.Browser, "Orchard", "olu@example.org", "Olu");
        var foundry = await Journey.HubCoordinator(network, browser.Browser, "Foundry", "fern@example.org", "Fern");
        var (dispatcher, _) = await Journey.Team(network, browser.Browser, orchard, "orchard");

        const string phone = "07700 900654";
        var need = "A van to move a hospital bed " + Guid.NewGuid().ToString("N")[..6];
        var code = await Journey.Ask(network, browser.Browser, "orchard", "Transport", need, ("Mr Novak", phone), area: "Pear Street");

        await dispatcher.GotoAsync("/hubs/orchard");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var row = dispatcher.Locator("tr").Filter(new() { Has = dispatcher.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = dispatcher.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });

        // The region's hubs decide on the reason alone, so none is no answer.
        await dialog.GetByTestId("escalate").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Say why this hub cannot meet it.", new() { Timeout = 10000 });
        const string why = "Nobody at Orchard has a van this week";
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Reason", Exact = true }).FillAsync(why);
        await dialog.GetByTestId("escalate").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.", new() { Timeout = 10000 });
        await dialog.GetByTestId("close-dialog").ClickAsync();
        await Expect(row).ToHaveCountAsync(0, new() { Timeout = 10000 });

        var neighbour = await network.NewPage(browser.Browser);
        await neighbour.GotoAsync("/status");
        await Expect(await Journey.Status(neighbour, code, phone[^4..])).ToContainTextAsync("Your request was passed to another group that can help.");

        // Foundry's coordinator finds it offered on the region's page, with Orchard's reason, and takes it in
        // (again until the page answers: a press before its circuit is up is not heard).
        await foundry.GotoAsync("/regions/east-side");
        var offered = foundry.GetByTestId("escalations-grid").Locator("tr").Filter(new() { HasText = need });
        await Expect(offered).ToContainTextAsync(why, new() { Timeout = 30000 });
        await Expect(offered).ToContainTextAsync("Orchard"); // the offering hub by its name, not its slug
        await Journey.Until(foundry.GetByText("Now on Foundry's board."), () =>
            offered.GetByRole(AriaRole.Button, new() { Name = "Into Foundry", Exact = true }).ClickAsync(new() { Timeout = 30000 }));
        await Expect(offered).ToHaveCountAsync(0, new() { Timeout = 10000 });

        await foundry.GotoAsync("/hubs/foundry");
        await Expect(foundry.GetByTestId("request-need").GetByText(need, new() { Exact = true })).ToBeVisibleAsync(Live);
        await Expect(await Journey.Status(neighbour, code, phone[^4..])).ToContainTextAsync("We are arranging help for your request.");
    }

    [Fact]
    public async Task A_volunteer_who_gives_back_more_claims_than_the_hub_allows_cannot_claim_until_a_coordinator_clears_it()
    {
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Quayside", "quinn@example.org", "Quinn");

        // One give-back an hour. A normal claim holds a quarter of a minute (the test app counts in quarter
        // minutes), so a claim the volunteer does not pick up is given back in seconds.
        await coordinator.GotoAsync("/hubs/quayside/settings");
        var giveBacks = coordinator.GetByTestId("give-backs").Locator("input");
        var normalClaim = coordinator.GetByTestId("claim-normal").Locator("input");
        await Journey.Until(coordinator.GetByText("Claims saved"), async () =>
        {
            await giveBacks.FillAsync("1", new() { Timeout = 30000 });
            await normalClaim.FillAsync("0.25");
            await coordinator.GetByTestId("claims-save").ClickAsync();
        });
        await coordinator.ReloadAsync();
        await Expect(giveBacks).ToHaveValueAsync("1", new() { Timeout = 30000 });
        await Expect(normalClaim).ToHaveValueAsync("0.25");

        await coordinator.GotoAsync("/hubs/quayside/team");
        var gil = await Journey.Volunteer(network, browser.Browser, coordinator, "gil@example.org", "Gil Moreno");
        await gil.CheckAsync("input[name=CanHelpWith][value=Groceries]");
        await gil.GetByTestId("profile-save").ClickAsync();
        await Expect(gil.GetByTestId("profile-saved")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await gil.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).First.ClickAsync();
        await Expect(gil.GetByTestId("nothing-assigned")).ToBeVisibleAsync(Live);

        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = "Bread, milk and porridge oats " + suffix;
        var second = "Nappies and baby formula " + suffix;
        await Journey.Ask(network, browser.Browser, "quayside", "Groceries", first, ("Mr Brennan", "07700 900401"), area: "Quay Street");
        await Journey.Ask(network, browser.Browser, "quayside", "Groceries", second, ("Mrs Osei", "07700 900402"), area: "Dock Row");

        ILocator Claimable(string need) => gil.GetByTestId("claimable").Filter(new() { HasText = need });
        ILocator Held(string need) => gil.GetByTestId("my-assignment").Filter(new() { HasText = need });

        // Claimed from Gil's own page, then given back: by his "Give back" button (long before the claim
        // would lapse), or by letting it lapse; the hub counts both.
        async Task ClaimAndGiveBack(string need, bool pressGiveBack)
        {
            await Journey.Until(Held(need), () => Claimable(need).GetByTestId("claim").ClickAsync(new() { Timeout = 30000 }));
            await Expect(Held(need).GetByTestId("claim-until")).ToBeVisibleAsync(new() { Timeout = 10000 });
            if (pressGiveBack) await Held(need).GetByTestId("give-back").ClickAsync();
            await Expect(Held(need)).ToHaveCountAsync(0, new() { Timeout = pressGiveBack ? 10000 : 60000 });
            await Expect(Claimable(need)).ToBeVisibleAsync(Live);
        }

        // The first give-back is the one the hub allows: Gil may still claim.
        await ClaimAndGiveBack(first, pressGiveBack: true);

        // The second is one too many; the coordinator's board says so (once it does, the hold is Gil's).
        await coordinator.GotoAsync("/hubs/quayside");
        await Expect(coordinator.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var gilsRow = coordinator.GetByTestId("volunteers-grid").Locator("tr").Filter(new() { HasText = "Gil Moreno" });
        await ClaimAndGiveBack(second, pressGiveBack: false);
        const string held = "Gil Moreno gave back 2 claims within an hour; a coordinator of their hub must clear them before they claim again.";
        await Expect(gilsRow.GetByTestId("claims-held")).ToHaveTextAsync(held, new() { Timeout = 30000 });

        await Claimable(first).GetByTestId("claim").ClickAsync();
        // Gil is told in the second person; the board speaks of him.
        await Expect(gil.GetByTestId("volunteer-message")).ToContainTextAsync("You gave back 2 claims within an hour", new() { Timeout = 10000 });
        await Expect(Held(first)).ToHaveCountAsync(0);

        await gilsRow.GetByTestId("clear-claims-hold").ClickAsync();
        await Expect(coordinator.GetByText("Gil Moreno can claim again.")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Expect(gilsRow.GetByTestId("claims-held")).ToHaveCountAsync(0, new() { Timeout = 10000 });

        await Claimable(first).GetByTestId("claim").ClickAsync();
        await Expect(gil.GetByTestId("volunteer-message")).ToContainTextAsync("It is yours: pick it up in time.", new() { Timeout = 10000 });
        await Expect(Held(first)).ToBeVisibleAsync(new() { Timeout = 10000 });
    }
}
