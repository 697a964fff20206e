using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using static MutualAid.Web.Tests.Import.ImportPageOpening;

namespace MutualAid.Web.Tests.Import;

/// <summary>The import page as a coordinator uses it: choose a file, check every row, import.</summary>
public sealed class ImportPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static async Task Click(IRenderedComponent<ImportPage> page, string testId) =>
        await page.Click($"[data-testid={testId}]");

    [Fact]
    public async Task The_same_person_twice_in_a_file_is_an_error_naming_both_lines_and_nothing_is_imported()
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var page = Open(context, hub, "Name,Phone,Email\n"
            + "Imani Diallo,07700 900111,imani@example.org\n"
            + "Tomás Ruiz,07700 900222,tomas@example.org\n"
            + "I. Diallo,,Imani@Example.org\n"
            + "tomás  Ruiz,+44 7700 900222,\n");

        await Click(page, "import-check");

        page.WaitForAssertion(() => page.Find("[data-testid=import-errors]"), Patience);
        var rows = page.FindAll("[data-testid=import-errors] tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToArray();
        Assert.Equal(["4|Email|Imani@Example.org is also on line 2: one row per person.", "5|Phone|+44 7700 900222 is also on line 3: one row per person."], rows);
        Assert.True(page.Find("[data-testid=import-run]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Two_people_of_one_household_sharing_a_phone_are_two_volunteers()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var page = Open(context, hub, "Name,Phone,Email\nImani Diallo,07700 900111,\nMoussa Diallo,07700 900111,\n");

        await Click(page, "import-check");
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=import-run]").HasAttribute("disabled")), Patience);
        Assert.Empty(page.FindAll("[data-testid=import-errors]"));
        await Click(page, "import-run");

        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count >= 2, "both on the board");
        Assert.Equal(["Imani Diallo", "Moussa Diallo"], (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Select(v => v.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_volunteer_already_on_the_hub_is_not_imported_again_whatever_file_names_them()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var imani = Guid.NewGuid();
        Assert.True((await grains.GetGrain<IVolunteerGrain>(imani).Register(new VolunteerProfile("Imani Diallo", [hub], [], [], false, 3, 10)
        {
            Contact = new ContactDetails("Imani Diallo", "07700 900111", "imani@example.org", null),
        }, Seed.Sam)).IsOk);
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count == 1, "Imani is on the board");
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        // As the hub's own export gives it back, edited in a spreadsheet: one person added.
        var page = Open(context, hub, "Name,Phone,Email\nImani Diallo,'+44 7700 900111,IMANI@example.org\nTomás Ruiz,07700 900222,tomas@example.org\n");

        await Click(page, "import-check");
        page.WaitForAssertion(() => Assert.Contains("1 already on the hub", page.Find("[data-testid=import-message]").TextContent, StringComparison.Ordinal), Patience);
        await Click(page, "import-run");

        page.WaitForAssertion(() => Assert.Contains("Imported 1 row; already there: 1.", page.Find("[data-testid=import-message]").TextContent, StringComparison.Ordinal), Patience);
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count >= 2, "Tomás is on the board");
        Assert.Equal(["Imani Diallo", "Tomás Ruiz"], (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Select(v => v.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_volunteer_who_joined_with_no_phone_or_email_comes_back_from_the_hubs_own_export_as_themself()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        // Joined by an invitation link: a name, and nothing a sheet could match them by.
        Assert.True((await grains.GetGrain<IVolunteerGrain>(Guid.NewGuid()).Register(new VolunteerProfile("Sol Okafor", [hub], [], [], false, 3, 10), Seed.Sam)).IsOk);
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count == 1, "Sol is on the board");
        using var coordinator = await app.Factory.SignedIn(await app.Factory.User(new RoleGrant(Role.Coordinator, hub)));
        var exported = await coordinator.GetStringAsync(new Uri($"/hubs/{hub}/export/volunteers.csv", UriKind.Relative));
        // Edited in a spreadsheet: one person added with a sheet's row number for an id, and one typed over a copy of Sol's row.
        var solsId = exported.TrimEnd().Split('\n')[^1].Split(',')[^1];
        var edited = exported.TrimEnd() + "\nKemi Bello,07700 900333,,Food,,no,3,10,,7\nZed Newman,,,Food,,no,3,10,," + solsId + "\n";

        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var page = Open(context, hub, edited);
        await Click(page, "import-check");
        page.WaitForAssertion(() => Assert.Contains("2 to import, 1 already on the hub", page.Find("[data-testid=import-message]").TextContent, StringComparison.Ordinal), Patience);
        await Click(page, "import-run");

        page.WaitForAssertion(() => Assert.Contains("Imported 2 rows; already there: 1.", page.Find("[data-testid=import-message]").TextContent, StringComparison.Ordinal), Patience);
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count >= 3, "Kemi and Zed are on the board");
        Assert.Equal(["Kemi Bello", "Sol Okafor", "Zed Newman"], (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Select(v => v.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_in_the_readers_own_words()
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await Localization.Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
            var page = context.Render<ImportPage>(p => p.Add(x => x.Slug, hub));
            var huge = new byte[(10 * 1024 * 1024) + 1];
            huge.AsSpan().Fill((byte)'a');

            page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(huge, "todo.csv"));

            page.WaitForAssertion(() => Assert.EndsWith("El archivo pasa de 10 MB: divídelo en archivos más pequeños.", page.Find("[data-testid=import-message]").TextContent.Trim(), StringComparison.Ordinal), Patience);
            Assert.Empty(page.FindAll("[data-testid=import-check]"));
        });
    }

    [Fact]
    public async Task What_to_put_in_each_column_is_said_in_the_readers_language()
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await Localization.Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));

            var page = Open(context, hub, "Nombre,Coche\nLucía,sí\n");

            Assert.Equal("sí / no", page.Find("[data-testid=import-field-Vehicle]").GetAttribute("title"));
            Assert.Equal("Nombre completo", page.Find("[data-testid=import-field-Name]").GetAttribute("title"));
            // The column's own label too, not the field's name in the code ("MaxAssignments").
            Assert.Contains("Tareas a la vez", page.Find("[data-testid=import-field-MaxAssignments]").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_hubs_requests_export_loaded_again_adds_only_the_new_rows()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var maria = await Seed.Request(grains, hub, phone: "07700 414001");
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Requests.Count == 1, "Maria's request is on the board");
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        // As the hub's requests export gives it, with one request typed in below.
        var page = Open(context, hub, "Reference,Status,Urgency,Category,Area,Need,ContactName,Phone\n"
            + $"{maria.ReferenceCode},New,Normal,Food,Elm Street,Food parcel,Maria Lopez,07700 414001\n"
            + ",,High,Medicine,Mill Lane,Pick up a prescription,Jo Bell,07700 414002\n");
        var kind = page.FindComponent<Radzen.Blazor.RadzenDropDown<string>>();
        await page.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync("requests"));

        await Click(page, "import-check");
        page.WaitForAssertion(() => Assert.Contains("1 to import, 1 already on the hub", page.Find("[data-testid=import-message]").TextContent, StringComparison.Ordinal), Patience);
        await Click(page, "import-run");

        page.WaitForAssertion(() => Assert.Contains("Imported 1 row; already there: 1.", page.Find("[data-testid=import-message]").TextContent, StringComparison.Ordinal), Patience);
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Requests.Any(r => r.Need == "Pick up a prescription"), "Jo's request is on the board");
        Assert.Single((await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Requests, r => r.Need == "Food parcel");
    }

    /// <summary>
    /// The hub's export writes a phone as '+34… so a spreadsheet does not run it as a formula; the
    /// import drops that mark, and the preview showed it all the same (hunt5 §16).
    /// </summary>
    [Fact]
    public async Task The_preview_shows_a_phone_from_the_hubs_own_export_as_it_will_be_stored()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var page = Open(context, hub, "Name,Phone,Email\nValeria Soto,'+34 611 222 333,valeria@example.org\n");

        var cells = page.FindAll("[data-testid=import-preview] tbody tr td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Contains("+34 611 222 333", cells);
        Assert.Contains("valeria@example.org", cells);
        Assert.DoesNotContain(cells, c => c.StartsWith('\''));

        await Click(page, "import-check");
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=import-run]").HasAttribute("disabled")), Patience);
        await Click(page, "import-run");
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count == 1, "Valeria is on the board");
        var valeria = (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Single();
        Assert.Equal("+34 611 222 333", (await grains.GetGrain<IVolunteerGrain>(valeria.Id).GetView())!.Profile.Contact!.Phone);
    }
}
