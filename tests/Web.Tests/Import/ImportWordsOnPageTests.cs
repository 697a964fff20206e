using static MutualAid.Web.Tests.Import.ImportPageOpening;

namespace MutualAid.Web.Tests.Import;

/// <summary>
/// The import page in the reader's words: lists written with commas as the profile form asks,
/// columns named as the reader knows them, one error per problem, and counts in the singular when
/// there is one.
/// </summary>
public sealed class ImportWordsOnPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static string[] Errors(IRenderedComponent<ImportPage> page) =>
        [.. page.FindAll("[data-testid=import-errors] tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Take(2).Select(c => c.TextContent.Trim())))];

    [Theory]
    [InlineData("Nombre,Teléfono,Ayuda con,Idiomas\nLucía,600 000 001,\"Comida, Transporte\",\"Español, Inglés\"\n")]
    [InlineData("Nombre;Teléfono;Ayuda con;Idiomas\nLucía;600 000 001;Comida, Transporte;Español, Inglés\n")]
    public async Task A_list_written_with_commas_is_read_as_a_list(string csv)
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var page = Open(context, hub, csv);

        await page.Click("[data-testid=import-check]");
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=import-run]").HasAttribute("disabled")), Patience);
        Assert.Empty(Errors(page));
        Assert.EndsWith("Import 1 row", page.Find("[data-testid=import-run]").TextContent.Trim(), StringComparison.Ordinal);
        await page.Click("[data-testid=import-run]");

        page.WaitForAssertion(() => Assert.EndsWith("Imported 1 row.", page.Find("[data-testid=import-message]").TextContent.Trim(), StringComparison.Ordinal), Patience);
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count == 1, "Lucía is on the board");
        var lucia = (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Single();
        Assert.Equal([RequestCategory.Food, RequestCategory.Transport], lucia.CanHelpWith);
    }

    [Theory]
    [InlineData("en", "3|Name", "2|Helps with", "2|Jobs at once", "1 problem: nothing was imported", "3 problems: nothing was imported")]
    [InlineData("es", "3|Nombre", "2|Ayuda con", "2|Tareas a la vez", "1 problema: no se importó nada", "3 problemas: no se importó nada")]
    public async Task Errors_name_the_column_in_the_readers_words_once_each_and_count_in_the_singular_for_one(
        string culture, string name, string helps, string jobs, string one, string three)
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await Localization.Localized.In(culture, async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
            var page = Open(context, hub, "Name,Phone,HelpsWith,MaxAssignments\nAda,07700 900001,Dancing,lots\n");
            await page.Click("[data-testid=import-check]");
            page.WaitForAssertion(() => page.Find("[data-testid=import-errors]"), Patience);
            Assert.Equal([helps, jobs], Errors(page));

            // A NUL in a volunteer's name is one problem, in the Name column, not two.
            page = Open(context, hub, "Name,Phone\nAda,07700 900001\nJo\0e,07700 900002\n");
            await page.Click("[data-testid=import-check]");
            page.WaitForAssertion(() => page.Find("[data-testid=import-errors]"), Patience);
            Assert.Equal([name], Errors(page));
            Assert.Contains(one, page.Markup, StringComparison.Ordinal);

            page = Open(context, hub, "Name,Phone,HelpsWith,MaxAssignments\nAda,07700 900001,Dancing,lots\nBo,07700 900002,Food,many\n");
            await page.Click("[data-testid=import-check]");
            page.WaitForAssertion(() => Assert.Contains(three, page.Markup, StringComparison.Ordinal), Patience);
        });
    }
}
