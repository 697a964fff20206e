namespace MutualAid.EndToEnd;

/// <summary>
/// What the grains answer reaches a Spanish reader in Spanish: the duplicate note while a call is
/// taken, the refusal of a volunteer past their limit, and a conflict between two people acting on
/// one request at once. A new network, as always for a journey: nothing seeded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SpanishOutcomesTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    private const string Spanish = "es-ES";

    [Fact]
    public async Task A_coordinator_reading_spanish_gets_the_duplicate_note_the_limit_refusal_and_the_conflict_in_spanish()
    {
        var coordinator = await network.NewPage(browser.Browser, Spanish);
        await Journey.SetUpHub(network, browser.Browser, "Harbour", coordinator, "cora@example.org", "Cora");
        await Expect(coordinator.Locator("html")).ToHaveAttributeAsync("lang", "es");

        // A volunteer who takes one job at a time.
        await coordinator.GotoAsync("/hubs/harbour/team");
        var link = await Journey.TeamLink(coordinator, "Voluntario", "vic@example.org");
        var volunteer = await network.NewPage(browser.Browser);
        await Journey.Join(volunteer, link, "vic@example.org", "Vic Okafor");
        await volunteer.FillAsync("#MaxConcurrentAssignments", "1");
        await volunteer.GetByTestId("profile-save").ClickAsync();
        await Expect(volunteer.GetByTestId("profile-saved")).ToBeVisibleAsync(new() { Timeout = 10000 });

        // Two calls; the third caller rings from the first one's phone: the note says why it may be the same.
        var first = new PhoneCall("Mrs Adeyemi", "Dock Road", "Insulin " + Guid.NewGuid().ToString("N")[..6]) { Hub = "harbour" };
        var second = new PhoneCall("Mr Bello", "Mill Lane", "Bread " + Guid.NewGuid().ToString("N")[..6]) { Hub = "harbour" };
        await PhoneIntake.Enter(coordinator, first);
        await PhoneIntake.Enter(coordinator, second);
        await coordinator.GotoAsync("/hubs/harbour/intake");
        await coordinator.GetByTestId("intake-phone").FillAsync(first.Phone, new() { Timeout = 30000 });
        await coordinator.GetByTestId("intake-area").FillAsync(first.Area);
        await coordinator.GetByTestId("intake-need").FocusAsync();
        await Expect(coordinator.GetByTestId("duplicate-warning")).ToContainTextAsync("mismo teléfono", new() { Timeout = 10000 });

        // Vic takes the first job; the second is past their limit of one, said in Spanish.
        await OpenBoard(coordinator);
        var dialog = await Open(coordinator, first.Need);
        await dialog.GetByTestId("suggestion").Filter(new() { HasText = "Vic Okafor" }).GetByTestId("assign").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Hecho.");
        await dialog.GetByTestId("close-dialog").ClickAsync();
        dialog = await Open(coordinator, second.Need);
        await dialog.GetByTestId("suggestion").Filter(new() { HasText = "Vic Okafor" }).GetByTestId("assign").ClickAsync();
        var refusal = dialog.GetByTestId("dispatch-message");
        await Expect(refusal).ToContainTextAsync("Un coordinador puede hacer una excepción", new() { Timeout = 10000 });
        await Expect(refusal).ToContainTextAsync("ya tiene 1 de 1 tareas asignadas"); // the limit broken, itself a coded phrase
        await Expect(refusal).Not.ToContainTextAsync("override");
        await Expect(dialog.GetByTestId("override")).ToBeVisibleAsync(); // the dialog branched on the code, not on English words
        await dialog.GetByTestId("close-dialog").ClickAsync();

        // Cora in two browsers triages the second request at the same instant: one of them is told who got there first.
        var elsewhere = await network.NewPage(browser.Browser, Spanish);
        await BrowserFixture.SignIn(elsewhere, "cora@example.org", Journey.Password);
        await OpenBoard(elsewhere);
        var dialogs = new[] { await Open(coordinator, second.Need), await Open(elsewhere, second.Need) };
        await Task.WhenAll(dialogs.Select(d => d.GetByTestId("triage").ClickAsync()));
        var messages = new List<string>();
        foreach (var d in dialogs)
        {
            await Expect(d.GetByTestId("dispatch-message")).ToBeVisibleAsync(new() { Timeout = 10000 });
            messages.Add(await d.GetByTestId("dispatch-message").InnerTextAsync());
        }

        Assert.Single(messages, m => m.Contains("Hecho.", StringComparison.Ordinal));
        var conflict = Assert.Single(messages, m => !m.Contains("Hecho.", StringComparison.Ordinal));
        Assert.Matches(@"Cora la clasificó hace \d+ s\. La solicitud de abajo ya está actualizada", conflict);
    }

    private static async Task OpenBoard(IPage page)
    {
        await page.GotoAsync("/hubs/harbour");
        await Expect(page.Locator(".ma-live-ok")).ToBeVisibleAsync(new() { Timeout = 30000 });
    }

    private static async Task<ILocator> Open(IPage page, string need)
    {
        var row = page.Locator("tr").Filter(new() { Has = page.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = page.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        return dialog;
    }
}
