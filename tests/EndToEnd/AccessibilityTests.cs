namespace MutualAid.EndToEnd;

/// <summary>
/// The pages each kind of person uses pass axe-core with no serious or critical violations, and a
/// dispatcher can do the core job (open a request, assign a volunteer) with the keyboard alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture.Browser)
{
    private static async Task OpenBoard(IPage page, string hub = "north")
    {
        await page.GotoAsync($"/hubs/{hub}");
        await Expect(page.Locator(".ma-live-ok")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await Expect(page.GetByTestId("requests-grid").Locator("tbody tr").First).ToBeVisibleAsync(new() { Timeout = 10000 });
    }

    [Theory]
    [InlineData("/ask", "en-GB")]
    [InlineData("/offer", "en-GB")]
    [InlineData("/account/login", "en-GB")]
    [InlineData("/ask", "es-ES")]
    public async Task Public_pages_have_no_serious_accessibility_violations(string path, string locale)
    {
        var page = await fixture.NewAnonymousPage(locale, bypassCsp: true);
        await page.GotoAsync(path);
        await Axe.AssertNoSeriousViolations(page, $"{path} ({locale})");
        await page.Context.DisposeAsync();
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("es-ES")]
    public async Task The_board_the_dispatch_dialog_phone_intake_and_the_map_have_no_serious_accessibility_violations(string locale)
    {
        var page = await fixture.NewPage("coordinator", locale, bypassCsp: true);
        await OpenBoard(page);
        await Axe.AssertNoSeriousViolations(page, $"board ({locale})");

        await page.GetByTestId("dispatch-open").First.ClickAsync();
        var dialog = page.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Axe.AssertNoSeriousViolations(page, $"dispatch dialog ({locale})", ".rz-dialog");
        // The reasons come from the grains as phrases and are said in the reader's language too.
        await Expect(dialog.GetByTestId("suggestion").First).ToContainTextAsync(locale == "es-ES" ? "h esta semana" : "h this week");
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("/hubs/north/intake");
        await Expect(page.GetByTestId("intake-name")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await Axe.AssertNoSeriousViolations(page, $"phone intake ({locale})");

        await page.GotoAsync("/hubs/north/map");
        await Expect(page.GetByTestId("map")).Not.ToHaveAttributeAsync("data-marker-count", "0", new() { Timeout = 30000 });
        await Axe.AssertNoSeriousViolations(page, $"hub map ({locale})");
        await page.Context.DisposeAsync();
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("es-ES")]
    public async Task The_hubs_settings_page_has_no_serious_accessibility_violations(string locale)
    {
        var page = await fixture.NewPage("coordinator", locale, bypassCsp: true);
        await page.GotoAsync("/hubs/north/settings");
        // Every form on it drawn: the last ones read the hub's rules after the first.
        await Expect(page.GetByTestId("visit-categories")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await Expect(page.GetByTestId("give-backs")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await Axe.AssertNoSeriousViolations(page, $"hub settings ({locale})");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_volunteers_pages_have_no_serious_accessibility_violations()
    {
        var page = await fixture.NewPage("volunteer", bypassCsp: true);
        await page.GotoAsync("/my/jobs");
        await Axe.AssertNoSeriousViolations(page, "/my/jobs");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).ClickAsync(new() { Timeout = 30000 });
        await Expect(page.GetByTestId("on-duty")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await Axe.AssertNoSeriousViolations(page, "volunteer page");
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task A_dispatcher_opens_a_request_and_assigns_a_volunteer_with_the_keyboard_alone()
    {
        var page = await fixture.NewPage("dispatcher");
        var need = "E2E keyboard " + Guid.NewGuid().ToString("N")[..6];
        var reference = await PhoneIntake.Enter(page, new PhoneCall("Kay Board", "Keyboard Lane", need));
        await OpenBoard(page);

        // From the top of the page, only Tab and Enter: the row's dispatch button must be reachable.
        await page.Locator("body").FocusAsync();
        await TabUntil(page, $"el => el.dataset.testid === 'dispatch-open' && el.textContent.trim() === '{reference}'", 400);
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Expect(dialog.GetByTestId("assign").First).ToBeVisibleAsync(new() { Timeout = 10000 });
        var volunteer = await dialog.GetByTestId("suggestion-name").First.InnerTextAsync();

        // Radzen moves focus to the dialog's first control half a second after it opens. Tabbing before that
        // had focus taken from the assign button to the first volunteer's link, and Enter opened their page.
        await page.WaitForFunctionAsync("() => !!document.activeElement?.closest('.rz-dialog [data-testid=dispatch-dialog]')", null, new() { Timeout = 10000 });
        await TabUntil(page, "el => el.dataset.testid === 'assign'", 60);
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.", new() { Timeout = 10000 });
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 5000 });

        var row = page.Locator("tr").Filter(new() { Has = page.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await Expect(row.GetByTestId("assigned-volunteer")).ToHaveTextAsync(volunteer, new() { Timeout = 5000 });
        await page.Context.DisposeAsync();
    }

    [Fact]
    public async Task Urgency_is_never_told_by_colour_alone()
    {
        var page = await fixture.NewPage("coordinator");
        await OpenBoard(page);
        var badges = page.GetByTestId("requests-grid").Locator(".ma-urgency");
        Assert.True(await badges.CountAsync() > 0);
        foreach (var badge in await badges.AllAsync())
        {
            // A word a screen reader reads and a colour-blind person sees, besides the colour and the icon.
            var words = (await badge.InnerTextAsync()).Replace("error", "", StringComparison.Ordinal).Replace("priority_high", "", StringComparison.Ordinal)
                .Replace("radio_button_unchecked", "", StringComparison.Ordinal).Replace("low_priority", "", StringComparison.Ordinal).Trim();
            Assert.Contains(words, new[] { "Critical", "High", "Normal", "Low" });
        }

        await page.Context.DisposeAsync();
    }

    private static async Task TabUntil(IPage page, string predicate, int maxTabs)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const el = document.activeElement; return !!el && ({predicate})(el); }}")) return;
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : 'nothing'");
        Assert.Fail($"Not reached with {maxTabs} presses of Tab; focus ended on {focused}");
    }
}
