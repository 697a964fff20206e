namespace MutualAid.EndToEnd;

/// <summary>
/// As deployed (Production, SQLite, nothing seeded, the server on UTC): a coordinator sets their
/// hub's time zone on its settings page to Tokyo's, nine hours from UTC, and the times their staff
/// read of the work done afterwards (the dispatch dialog's history and contact log, the team page's
/// last sign-in) are Tokyo's. And a coordinator reading Spanish imports a volunteers sheet kept in
/// Spanish (Spanish headers, "Comida | Transporte", "Sí"): the page says so in Spanish and the
/// volunteer is on the hub helping with what the sheet said.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HubTimeAndSpanishSheetTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    private const string Zone = "Asia/Tokyo";

    // The browsers here ask for en-GB, which the app serves in its "en" culture.
    /// <summary>
    /// English as the app writes it (src/Web/Localization/Languages.Culture): .NET's "en" with the month
    /// by name in dates ("6 Dec 2026"), since "12/6/2026" reads as 12 June to most English readers.
    /// </summary>
    private static readonly CultureInfo English = AsTheAppWrites();

    private static CultureInfo AsTheAppWrites()
    {
        var english = (CultureInfo)CultureInfo.GetCultureInfo("en").Clone();
        english.DateTimeFormat.ShortDatePattern = "d MMM yyyy";
        return CultureInfo.ReadOnly(english);
    }
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById(Zone);

    [Fact]
    public async Task A_new_hub_starts_in_the_zone_of_the_browser_that_made_it_and_is_never_made_again()
    {
        var coordinator = await network.NewPage(browser.Browser);
        var admin = await Journey.SetUpHub(network, browser.Browser, "Ipanema", coordinator, "bia@example.org", "Bia", adminTimeZone: "America/Sao_Paulo");
        await coordinator.GotoAsync("/hubs/ipanema/settings");
        await Expect(coordinator.GetByTestId("hub-timezone")).ToHaveValueAsync("America/Sao_Paulo", new() { Timeout = 30000 });

        // The same name again is refused, and the hub keeps its zone.
        await admin.GotoAsync("/admin");
        await Expect(admin.GetByTestId("admin-hub-zone")).ToHaveValueAsync("America/Sao_Paulo", new() { Timeout = 30000 });
        await admin.GetByTestId("admin-hub-zone").FillAsync("UTC");
        await admin.GetByTestId("admin-region").FillAsync("East Side");
        await admin.GetByTestId("admin-hub").FillAsync("Ipanema");
        await admin.GetByTestId("admin-create-hub").ClickAsync();
        await Expect(admin.GetByTestId("admin-message")).ToContainTextAsync("Hub 'ipanema' already exists", new() { Timeout = 10000 });
        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByTestId("hub-timezone")).ToHaveValueAsync("America/Sao_Paulo", new() { Timeout = 30000 });
    }

    [Fact]
    public async Task Staff_read_the_times_of_their_work_in_the_hubs_zone_not_the_servers()
    {
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Sakura", "kiko@example.org", "Kiko");

        // The coordinator gives the hub Tokyo's zone (saved again until the page says so).
        await coordinator.GotoAsync("/hubs/sakura/settings");
        await Journey.Until(coordinator.GetByText("Time zone saved"), async () =>
        {
            await coordinator.GetByTestId("hub-timezone").FillAsync(Zone, new() { Timeout = 30000 });
            await coordinator.GetByTestId("hub-timezone-save").ClickAsync();
        });
        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByTestId("hub-timezone")).ToHaveValueAsync(Zone, new() { Timeout = 30000 });

        // A volunteer joins from a link (and so signs in); the team page gives the time at the hub.
        await coordinator.GotoAsync("/hubs/sakura/team");
        var joined = DateTimeOffset.UtcNow;
        await Journey.Volunteer(network, browser.Browser, coordinator, "yui@example.org", "Yui Tanaka");
        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByTestId("member-yui@example.org")).ToContainTextAsync(AtHub(joined, "g"), new() { Timeout = 10000 });

        // A neighbour asks; the request's history in the dispatch dialog is at the hub's time...
        var asked = DateTimeOffset.UtcNow;
        var need = "Rice and miso for a week " + Guid.NewGuid().ToString("N")[..6];
        await Journey.Ask(network, browser.Browser, "sakura", "Groceries", need, ("Mr Sato", "07700 900789"), area: "Canal Street");
        await coordinator.GotoAsync("/hubs/sakura");
        await Expect(coordinator.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var row = coordinator.Locator("tr").Filter(new() { Has = coordinator.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = coordinator.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Expect(dialog.GetByTestId("history-entry").First).ToContainTextAsync(AtHub(asked, "ddd", "t"), new() { Timeout = 10000 });

        // ...and so is what the coordinator writes in its contact log.
        var called = DateTimeOffset.UtcNow;
        await dialog.GetByTestId("note-text").FillAsync("Rang Mr Sato back");
        await dialog.GetByTestId("note-add").ClickAsync();
        var note = dialog.GetByTestId("note").Filter(new() { HasText = "Rang Mr Sato back" });
        await Expect(note).ToContainTextAsync(AtHub(called, "g"), new() { Timeout = 10000 });
    }

    [Fact]
    public async Task A_volunteers_sheet_kept_in_spanish_imports_for_a_coordinator_reading_spanish()
    {
        var coordinator = await network.NewPage(browser.Browser, "es-ES");
        await Journey.SetUpHub(network, browser.Browser, "Ribera", coordinator, "rosa@example.org", "Rosa");
        await Expect(coordinator.Locator("html")).ToHaveAttributeAsync("lang", "es");

        // As a Spanish network keeps it: its own headers, its categories and yes in Spanish, a list in one cell.
        const string sheet = "\uFEFFNombre completo;Teléfono;Correo electrónico;Puede ayudar con;Idiomas;Vehículo;Máx. tareas;Habilidades\r\n"
            + "Lucía Fernández;+34 600 000 001;lucia@example.org;Comida | Transporte;Español;Sí;2;Primeros auxilios\r\n"
            + "Mateo Ruiz;+34 600 000 002;mateo@example.org;Medicamentos;Español | Inglés;No;1;Cocina\r\n";
        await coordinator.GotoAsync("/hubs/ribera/import");
        await Journey.Upload(coordinator, "voluntarios.csv", sheet, "Lucía Fernández");
        await coordinator.GetByTestId("import-check").ClickAsync();
        await Expect(coordinator.GetByTestId("import-message")).ToContainTextAsync("Las 2 filas están bien.", new() { Timeout = 10000 });
        await Expect(coordinator.GetByTestId("import-errors")).ToHaveCountAsync(0);
        await coordinator.GetByTestId("import-run").ClickAsync();
        await Expect(coordinator.GetByTestId("import-message")).ToContainTextAsync("2 filas importadas.", new() { Timeout = 10000 });

        // Lucía is on the hub's board, and her page says what the sheet said she helps with.
        await coordinator.GotoAsync("/hubs/ribera");
        await Expect(coordinator.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var lucia = coordinator.GetByTestId("volunteers-grid").GetByRole(AriaRole.Link, new() { Name = "Lucía Fernández" });
        await Expect(lucia).ToHaveCountAsync(1, new() { Timeout = 10000 });
        await lucia.ClickAsync();
        var profile = coordinator.GetByTestId("dispatch-profile");
        await Expect(profile).ToContainTextAsync("Ayuda con: Comida, Transporte", new() { Timeout = 30000 });
        await Expect(profile.GetByTestId("volunteer-skills")).ToContainTextAsync("Habilidades: Primeros auxilios");
        await Expect(profile).ToContainTextAsync("Tiene vehículo");
        await Expect(profile.GetByTestId("volunteer-contact")).ToContainTextAsync("lucia@example.org");
    }

    /// <summary>
    /// The time of day (in the given .NET formats, joined by a space) at the hub for any minute from
    /// <paramref name="from"/> until a minute from now, as the app writes it for an English reader:
    /// whatever second the thing was done, the page shows one of these. UTC's is nine hours off.
    /// </summary>
    private static Regex AtHub(DateTimeOffset from, params string[] formats)
    {
        var shown = new List<string>();
        for (var at = from; at <= DateTimeOffset.UtcNow.AddMinutes(1); at = at.AddMinutes(1))
        {
            var local = TimeZoneInfo.ConvertTime(at, Tokyo);
            // ICU may put a narrow no-break space before AM/PM: any white space matches any.
            var words = string.Join(' ', formats.Select(f => local.ToString(f, English))).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            shown.Add(string.Join(@"\s+", words.Select(Regex.Escape)));
        }

        return new Regex(string.Join('|', shown.Distinct()));
    }
}
