namespace MutualAid.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture.Browser)
{
    [Fact]
    public async Task The_switcher_turns_the_board_spanish_and_the_choice_follows_the_person_to_another_browser()
    {
        // The admin account: no other browser test reads its board's words.
        var page = await fixture.NewPage("admin");
        await page.GotoAsync("/hubs/north");
        await Expect(page.Locator(".ma-live-ok")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Live · v\\d+"), new() { Timeout = 30000 });

        await page.GetByTestId("language-select").SelectOptionAsync("es");
        await page.GetByTestId("language-apply").ClickAsync();
        await Expect(page.Locator(".ma-live-ok")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("En directo · v\\d+"), new() { Timeout = 30000 });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Urgencia" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("requests-grid").Locator("tbody").GetByText("Crítica").First).ToBeVisibleAsync(); // not the filter drop-down's option
        await Expect(page.GetByTestId("request-need").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500); // let the chart finish its entrance animation
        await Screenshots.Save(page, "hub-board-es");

        // A fresh browser that asks for English still gets Spanish once this person signs in.
        var elsewhere = await fixture.NewPage("admin", locale: "en-GB");
        await elsewhere.GotoAsync("/hubs/north");
        await Expect(elsewhere.Locator(".ma-live-ok")).ToContainTextAsync("En directo", new() { Timeout = 30000 });

        // Back to English, through the same switcher, so the account ends as it began.
        await elsewhere.GetByTestId("language-select").SelectOptionAsync("en");
        await elsewhere.GetByTestId("language-apply").ClickAsync();
        await Expect(elsewhere.Locator(".ma-live-ok")).ToContainTextAsync("Live", new() { Timeout = 30000 });
        await page.Context.DisposeAsync();
        await elsewhere.Context.DisposeAsync();
    }
}
