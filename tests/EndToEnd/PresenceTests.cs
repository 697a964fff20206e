namespace MutualAid.EndToEnd;

/// <summary>Who else is on a board: a closed tab leaves it within seconds, and nobody's own second tab is "someone else".</summary>
[Collection(BrowserCollection.Name)]
public sealed class PresenceTests(BrowserFixture fixture) : BrowserTest(fixture.Browser)
{
    // Riverside: the other browser tests leave their tabs on North, so only these people are here.
    private const string Hub = "riverside";

    private static async Task OpenBoard(IPage page)
    {
        await page.GotoAsync($"/hubs/{Hub}");
        await Expect(page.Locator(".ma-live-ok")).ToBeVisibleAsync(new() { Timeout = 30000 });
    }

    /// <summary>Two people on the board, Ada seeing Rae.</summary>
    private async Task<(IPage Ada, IPage Rae, ILocator AdasPresence)> AdaAndRaeOnTheBoard()
    {
        var ada = await fixture.NewPage("admin");
        await OpenBoard(ada);
        var rae = await fixture.NewPage("regional");
        await OpenBoard(rae);
        var bar = ada.GetByTestId("presence");
        await Expect(bar).ToContainTextAsync("Also here: Rae (regional)", new() { Timeout = 10000 });
        return (ada, rae, bar);
    }

    [Fact]
    public async Task A_closed_tab_leaves_everyones_presence_within_five_seconds_and_a_second_tab_of_mine_is_not_someone_else()
    {
        var (ada, rae, bar) = await AdaAndRaeOnTheBoard();
        await Expect(rae.GetByTestId("presence")).ToContainTextAsync("Also here: Ada (admin)", new() { Timeout = 10000 });

        // Ada opens the board in a second tab of the same browser: she is one person, not two.
        var adaAgain = await ada.Context.NewPageAsync();
        await OpenBoard(adaAgain);
        await Expect(adaAgain.GetByTestId("presence")).ToContainTextAsync("Also here: Rae (regional)", new() { Timeout = 10000 });
        await Expect(rae.GetByTestId("presence")).ToContainTextAsync("Also here: Ada (admin)");

        await rae.Context.CloseAsync();

        // Left alone, each of Ada's tabs says only she is here (her other tab does not count).
        await Expect(bar).ToContainTextAsync("Only you are on this board", new() { Timeout = 5000 });
        await Expect(adaAgain.GetByTestId("presence")).ToContainTextAsync("Only you are on this board", new() { Timeout = 5000 });
    }

    [Fact]
    public async Task A_tab_whose_connection_dies_without_closing_leaves_within_five_seconds()
    {
        var (ada, rae, bar) = await AdaAndRaeOnTheBoard();

        // A crashed tab (or a dropped network) says no goodbye: only the socket going away tells the server.
        var cdp = await rae.Context.NewCDPSessionAsync(rae);
        _ = cdp.SendAsync("Page.crash");

        await Expect(bar).ToContainTextAsync("Only you are on this board", new() { Timeout = 5000 });
        await rae.Context.CloseAsync();
    }
}
