namespace MutualAid.EndToEnd;

/// <summary>
/// A coordinator's spreadsheets and a person's data, from an empty network: the coordinator imports
/// the volunteers the network kept in a spreadsheet (a file with a bad row and a person twice imports
/// nothing and names each line and field; the fixed one imports; loaded again, it has nothing to
/// add); an imported volunteer is on the board, suggested for a neighbour's request and assigned,
/// and joins from an "existing volunteer" link to see the job; the exports read back as imports;
/// the handover shows the work, with times of day, and its text says the same; the neighbour's data
/// is found by phone, downloaded and erased (the page says so), after which nothing of theirs is on
/// the board, in the exports or in the handover. A dispatcher opening the coordinator's pages or
/// downloads is told nothing they hold. Production, SQLite, nothing seeded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SpreadsheetJourneyTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    private const string Phone = "07700 900456";

    // As a European spreadsheet saves it: a byte order mark, semicolons, a header of its own words,
    // a phone a spreadsheet would take for a formula.
    private const string Header = "\uFEFFFull name;Mobile;E-mail;Can help with;Speaks;Car;Max jobs\r\n";
    private const string Imani = "Imani Diallo;+44 7700 900111;imani@example.org;\"Groceries; Food\";\"English; French\";yes;2\r\n";
    private const string Tomas = "Tomás Ruiz;+44 7700 900222;tomas@example.org;Transport;Spanish;no;3\r\n";

    [Fact]
    public async Task Imported_volunteers_do_the_work_the_exports_import_again_and_an_erased_neighbour_is_gone_from_every_list()
    {
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Mill", "cora@example.org", "Cora");
        await coordinator.GotoAsync("/hubs/mill/team");
        var dispatcher = await network.NewPage(browser.Browser);
        await Journey.Join(dispatcher, await Journey.TeamLink(coordinator, "Dispatcher"), "dan@example.org", "Dan");

        // A bad row, and Imani twice (her email typed again on a later line): nothing is imported,
        // and each error names its line and field.
        await coordinator.GotoAsync("/hubs/mill/import");
        await Journey.Upload(coordinator, "volunteers.csv", Header + Imani + Tomas.Replace(";no;", ";maybe;", StringComparison.Ordinal) + "I. Diallo;;IMANI@example.org;;;;\r\n", "Imani Diallo");
        await coordinator.GetByTestId("import-check").ClickAsync();
        var errors = coordinator.GetByTestId("import-errors").Locator("tbody tr");
        await Expect(errors).ToHaveCountAsync(2, new() { Timeout = 10000 });
        await Expect(errors.Nth(0)).ToContainTextAsync("3Vehicle'maybe' is not yes or no.");
        await Expect(errors.Nth(1)).ToContainTextAsync("4EmailIMANI@example.org is also on line 2: one row per person.");
        await Expect(coordinator.GetByTestId("import-run")).ToBeDisabledAsync();

        // The fixed file imports both; the same file again has nothing to add.
        var good = Header + Imani + Tomas;
        await Journey.Upload(coordinator, "volunteers.csv", good, "Tomás Ruiz");
        await coordinator.GetByTestId("import-check").ClickAsync();
        await Expect(coordinator.GetByTestId("import-message")).ToContainTextAsync("All 2 rows are right.", new() { Timeout = 10000 });
        await coordinator.GetByTestId("import-run").ClickAsync();
        await Expect(coordinator.GetByTestId("import-message")).ToContainTextAsync("Imported 2 rows.", new() { Timeout = 10000 });
        await Journey.Upload(coordinator, "volunteers.csv", good, "Tomás Ruiz");
        await coordinator.GetByTestId("import-check").ClickAsync();
        await Expect(coordinator.GetByTestId("import-message")).ToContainTextAsync("0 to import, 2 already on the hub.", new() { Timeout = 10000 });
        await Expect(coordinator.GetByTestId("import-run")).ToBeDisabledAsync();

        // Both are on the board's volunteer list, once each.
        await dispatcher.GotoAsync("/hubs/mill");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var volunteers = dispatcher.GetByTestId("volunteers-grid");
        await Expect(volunteers.GetByRole(AriaRole.Link, new() { Name = "Imani Diallo" })).ToHaveCountAsync(1, new() { Timeout = 10000 });
        await Expect(volunteers.GetByRole(AriaRole.Link, new() { Name = "Tomás Ruiz" })).ToHaveCountAsync(1);

        // A neighbour asks; the dispatcher is offered the imported volunteer who helps with groceries, and assigns her.
        var need = "A week of groceries for two " + Guid.NewGuid().ToString("N")[..6];
        var code = await Journey.Ask(network, browser.Browser, "mill", "Groceries", need, ("Mrs Okonjo", Phone), area: "Weir Street");
        var row = dispatcher.Locator("tr").Filter(new() { Has = dispatcher.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = dispatcher.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        var suggestion = dialog.GetByTestId("suggestion").Filter(new() { HasText = "Imani Diallo" });
        await Expect(suggestion).ToBeVisibleAsync(new() { Timeout = 10000 });
        await suggestion.GetByTestId("assign").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.", new() { Timeout = 10000 });
        await dialog.GetByTestId("close-dialog").ClickAsync();
        await Expect(row.GetByTestId("assigned-volunteer")).ToContainTextAsync("Imani Diallo", new() { Timeout = 10000 });

        // Imani has no account: the coordinator invites her as the existing volunteer, and she sees the job.
        await coordinator.GotoAsync("/hubs/mill/team");
        await Journey.Choose(coordinator, "invite-existing", "Imani Diallo");
        await coordinator.GetByTestId("invite-existing-create").ClickAsync();
        await Expect(coordinator.GetByTestId("invite-link")).ToContainTextAsync("/invite/", new() { Timeout = 10000 });
        var imani = await network.NewPage(browser.Browser);
        await Journey.Join(imani, await coordinator.GetByTestId("invite-link").InnerTextAsync(), "imani@example.org", "Imani Diallo");
        await imani.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).First.ClickAsync();
        await Expect(imani.GetByTestId("my-assignment").Filter(new() { HasText = need })).ToBeVisibleAsync(Live);

        // The exports read back as imports: every column matched, every row right.
        var volunteersCsv = await Download(coordinator, "/hubs/mill/export/volunteers.csv");
        Assert.Contains("'+44 7700 900111", volunteersCsv, StringComparison.Ordinal);
        await CheckReimport(coordinator, "Volunteers", volunteersCsv, "0 to import, 2 already on the hub.", "Imani Diallo");
        var requestsCsv = await Download(coordinator, "/hubs/mill/export/requests.csv");
        Assert.Contains("Mrs Okonjo", requestsCsv, StringComparison.Ordinal);
        await CheckReimport(coordinator, "Requests", requestsCsv, "0 to import, 1 already on the hub.", "Mrs Okonjo");

        // The handover shows the work, and its text download says the same.
        await coordinator.GotoAsync("/hubs/mill/handover");
        await Expect(coordinator.GetByTestId("handover-out")).ToContainTextAsync($"Imani Diallo: {code}", new() { Timeout = 10000 });
        await Expect(coordinator.GetByTestId("handover-changes")).ToContainTextAsync(code);
        await Expect(coordinator.GetByTestId("handover-changes").Locator("tbody tr td").First).ToHaveTextAsync(new Regex(@"\d{1,2}:\d{2}"));
        var handover = await Download(coordinator, "/hubs/mill/handover.txt?hours=8");
        Assert.Contains($"- Imani Diallo: {code}", handover, StringComparison.Ordinal);
        Assert.Contains($"{code} Dan assigned", handover, StringComparison.Ordinal);

        // The neighbour asks to see and then to be forgotten: found by phone, downloaded, erased.
        await coordinator.GotoAsync("/hubs/mill/people");
        await coordinator.GetByTestId("people-phone").FillAsync(Phone);
        await coordinator.GetByTestId("people-find").ClickAsync();
        await Expect(coordinator.GetByTestId("people-export")).ToBeVisibleAsync(new() { Timeout = 10000 });
        var json = await Download(coordinator, await coordinator.GetByTestId("people-export").GetAttributeAsync("href") ?? "");
        Assert.Contains("Mrs Okonjo", json, StringComparison.Ordinal);
        Assert.Contains(need, json, StringComparison.Ordinal);
        await coordinator.GetByTestId("people-erase").ClickAsync();
        await coordinator.GetByTestId("people-erase-confirm").ClickAsync();
        await Expect(coordinator.GetByTestId("people-message")).ToContainTextAsync($"Erased {code}.", new() { Timeout = 10000 });

        // Nothing of theirs is left on the board, in the exports or in the handover.
        await Expect(row).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Expect(dispatcher.Locator("main")).Not.ToContainTextAsync("Weir Street");
        foreach (var path in new[] { "/hubs/mill/export/requests.csv", "/hubs/mill/export/volunteers.csv", "/hubs/mill/handover.txt?hours=8" })
        {
            var text = await Download(coordinator, path);
            foreach (var trace in new[] { "Okonjo", need, "Weir Street", "900456" }) Assert.DoesNotContain(trace, text, StringComparison.Ordinal);
        }

        await coordinator.GotoAsync("/hubs/mill/handover");
        await Expect(coordinator.GetByTestId("handover-changes")).ToContainTextAsync(code, new() { Timeout = 10000 });
        foreach (var trace in new[] { "Okonjo", need, "Weir Street" }) await Expect(coordinator.Locator("main")).Not.ToContainTextAsync(trace);

        // A dispatcher opening the coordinator's pages and downloads is told nothing of what they hold.
        foreach (var page in new[] { "/hubs/mill/import", "/hubs/mill/people" })
        {
            await dispatcher.GotoAsync(page);
            await Expect(dispatcher.Locator("main")).Not.ToContainTextAsync("Imani");
            await Expect(dispatcher.GetByTestId("import-file")).ToHaveCountAsync(0);
            await Expect(dispatcher.GetByTestId("people-find")).ToHaveCountAsync(0);
        }

        foreach (var path in new[] { "/hubs/mill/export/volunteers.csv", "/hubs/mill/export/timebank.csv", $"/hubs/mill/people/export?phone={Uri.EscapeDataString("+44 7700 900111")}" })
        {
            var response = await dispatcher.APIRequest.GetAsync(path);
            Assert.False(response.Ok, $"{path} answered a dispatcher with {response.Status}");
            var body = await response.TextAsync();
            Assert.DoesNotContain("Imani", body, StringComparison.Ordinal);
            Assert.DoesNotContain("imani@example.org", body, StringComparison.Ordinal);
        }
    }

    /// <summary>Loads an export on the import page as the given kind and checks it (nothing imported): the check says <paramref name="said"/>.</summary>
    private static async Task CheckReimport(IPage coordinator, string kind, string csv, string said, string shows)
    {
        await coordinator.GotoAsync("/hubs/mill/import");
        await Journey.Choose(coordinator, "import-kind", kind);
        await Journey.Upload(coordinator, $"{kind}.csv", csv, shows);
        await coordinator.GetByTestId("import-check").ClickAsync();
        await Expect(coordinator.GetByTestId("import-message")).ToContainTextAsync(said, new() { Timeout = 10000 });
    }

    private static async Task<string> Download(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.True(response.Ok, $"{path} answered {response.Status}");
        return await response.TextAsync();
    }
}
