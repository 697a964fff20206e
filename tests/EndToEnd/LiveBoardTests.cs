namespace MutualAid.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class LiveBoardTests(BrowserFixture fixture) : BrowserTest(fixture.Browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions WithinTwoSeconds = new() { Timeout = 2000 };

    private static async Task OpenBoard(IPage page, string hub = "north")
    {
        await page.GotoAsync($"/hubs/{hub}");
        // The board only renders once its circuit is live (no prerendering), so this means "interactive".
        await Expect(page.Locator(".ma-live-ok")).ToBeVisibleAsync(new() { Timeout = 30000 });
    }

    private static ILocator Row(IPage page, string need) =>
        page.Locator("tr").Filter(new() { Has = page.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });

    private static Task<string> EnterByPhone(IPage page, string need, string phone) =>
        PhoneIntake.Enter(page, new PhoneCall("Test Caller", "Test Street " + phone[^4..], need) { Phone = phone });

    [Fact]
    public async Task Intake_in_one_browser_appears_on_the_other_and_an_assignment_there_shows_back_within_two_seconds()
    {
        var coordinator = await fixture.NewPage("coordinator");
        var dispatcher = await fixture.NewPage("dispatcher");
        await OpenBoard(dispatcher);
        var need = "E2E: pick up a prescription " + Guid.NewGuid().ToString("N")[..6];

        await EnterByPhone(coordinator, need, "07700 90" + Random.Shared.Next(1000, 9999));
        await Expect(Row(dispatcher, need)).ToBeVisibleAsync(WithinTwoSeconds);

        await OpenBoard(coordinator);
        await Row(dispatcher, need).ClickAsync();
        var dialog = dispatcher.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        var volunteer = await dialog.GetByTestId("suggestion-name").First.InnerTextAsync();
        await dialog.GetByTestId("assign").First.ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.");

        await Expect(Row(coordinator, need).GetByTestId("assigned-volunteer")).ToHaveTextAsync(volunteer, new() { Timeout = 2000 });
    }

    [Fact]
    public async Task Two_dispatchers_racing_for_one_request_end_with_one_assignment_and_one_conflict_message()
    {
        var first = await fixture.NewPage("coordinator");
        var second = await fixture.NewPage("dispatcher");
        var need = "E2E: race " + Guid.NewGuid().ToString("N")[..6];
        await EnterByPhone(first, need, "07700 91" + Random.Shared.Next(1000, 9999));
        await OpenBoard(first);
        await OpenBoard(second);

        await Row(first, need).ClickAsync();
        await Row(second, need).ClickAsync();
        var dialogA = first.GetByTestId("dispatch-dialog");
        var dialogB = second.GetByTestId("dispatch-dialog");
        await Expect(dialogA.GetByTestId("assign").First).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Expect(dialogB.GetByTestId("assign").Nth(1)).ToBeVisibleAsync(new() { Timeout = 10000 });
        // Both saw the same version; both press Assign (different volunteers) at once.
        await Task.WhenAll(dialogA.GetByTestId("assign").First.ClickAsync(), dialogB.GetByTestId("assign").Nth(1).ClickAsync());

        await Expect(dialogA.GetByTestId("dispatch-message")).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(dialogB.GetByTestId("dispatch-message")).ToBeVisibleAsync(new() { Timeout = 5000 });
        var messages = new[] { await dialogA.GetByTestId("dispatch-message").InnerTextAsync(), await dialogB.GetByTestId("dispatch-message").InnerTextAsync() };
        Assert.Single(messages, m => m.Contains("Done.", StringComparison.Ordinal));
        var conflict = Assert.Single(messages, m => m.Contains(" assigned this to ", StringComparison.Ordinal));
        Assert.Matches(@"(Cora|Dan) \((coordinator|dispatcher)\) assigned this to .+ \d+ s ago", conflict);

        // A third, fresh board shows exactly one volunteer on it.
        var observer = await fixture.NewPage("admin");
        await OpenBoard(observer);
        await Expect(Row(observer, need).GetByTestId("assigned-volunteer")).Not.ToHaveTextAsync("—", new() { Timeout = 5000 });
        Assert.Equal(1, await Row(observer, need).CountAsync());
    }

    [Fact]
    public async Task Screenshots_of_the_region_overview_and_the_hub_board()
    {
        var page = await fixture.NewPage("regional");
        await page.GotoAsync("/regions/city");
        await Expect(page.GetByTestId("hub-card-north")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await Screenshots.Save(page, "region-overview");

        page = await fixture.NewPage("coordinator");
        await OpenBoard(page);
        await Expect(page.GetByTestId("request-need").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500); // let the chart finish its entrance animation
        var board = await Screenshots.Save(page, "hub-board");

        Assert.True(new FileInfo(board).Length > 20_000);
    }

    [Fact]
    public async Task Sign_in_reach_the_board_and_sign_out()
    {
        var page = await fixture.Browser.NewPageAsync(new() { BaseURL = fixture.App.BaseAddress.ToString() });
        await page.GotoAsync("/hubs/north");
        await page.WaitForURLAsync("**/account/login**"); // not signed in: sent to sign in, and back afterwards
        await page.FillAsync("#email", "dispatcher@demo.local");
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("main button[type=submit]");
        await Expect(page.Locator(".errors")).ToContainTextAsync("do not match");

        await page.FillAsync("#email", "dispatcher@demo.local");
        await page.FillAsync("#password", await fixture.App.DemoPassword());
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/hubs/north");
        await Expect(page.GetByTestId("board-version")).ToContainTextAsync("Live", new() { Timeout = 30000 });
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Dan (dispatcher)");

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        await page.GotoAsync("/hubs/north");
        await page.WaitForURLAsync("**/account/login**");
    }
}
