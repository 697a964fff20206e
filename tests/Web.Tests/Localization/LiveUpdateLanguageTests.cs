using System.Globalization;

namespace MutualAid.Web.Tests.Localization;

/// <summary>
/// A page that a live feed re-renders stays in its reader's language: the change comes from a grain
/// observer's thread, which carries none (here: English, as on a server set up in English).
/// </summary>
public sealed class LiveUpdateLanguageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_region_overview_stays_in_spanish_when_a_hub_of_the_region_changes()
    {
        var grains = app.Factory.Grains;
        var region = $"reg-{Guid.NewGuid():N}"[..14];
        var hub = await Seed.Hub(grains, region);
        string gap = Localized.In("es", () => Localized.Words["Region.Gap"].Value), openBoard = Localized.In("es", () => Localized.Words["Region.OpenBoard"].Value);

        await Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.RegionalCoordinator, region));
            var page = context.Render<RegionOverviewPage>(p => p.Add(x => x.Slug, region));
            await Wait.Until(() => page.FindAll($"[data-testid=hub-card-{hub}]").Count == 1, "the hub's card");
            Assert.Contains(gap, page.Markup);

            await InEnglish(() => Seed.Request(grains, hub, phone: "07700 909981"));

            await Wait.Until(() => page.Find($"[data-testid=hub-card-{hub}] [data-testid=count-new]").TextContent.Trim() == "1", "the new request counted on the hub's card");
            Assert.Contains(gap, page.Markup);
            Assert.Contains(openBoard, page.Find($"[data-testid=hub-card-{hub}]").TextContent);
            Assert.DoesNotContain("Needs against offers across the region", page.Markup);
        });
    }

    [Fact]
    public async Task A_board_first_opened_by_an_english_reader_stays_in_spanish_for_a_spanish_one()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var high = Localized.In("es", () => Localized.Words["Urgency.High"].Value);
        await using var english = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var first = await InEnglish(() => Task.FromResult(english.Render<BoardPage>(p => p.Add(x => x.Slug, hub))));
        await Wait.Until(() => english.Services.GetRequiredService<BoardFeed>().OpenHubs.Contains(hub), "the hub's feed opened by the English reader");

        await Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
            var board = context.Render<BoardPage>(p => p.Add(x => x.Slug, hub));

            await InEnglish(() => Seed.Request(grains, hub, phone: "07700 909982", urgency: Urgency.High));

            await Wait.Until(() => board.FindAll("[data-testid=request-need]").Count == 1, "the new request on the board");
            Assert.Contains(high, board.Markup);
        });
        await Wait.Until(() => first.FindAll("[data-testid=request-need]").Count == 1, "the new request on the English reader's board");
        Assert.Contains("High", first.Markup);
    }

    /// <summary>Runs <paramref name="act"/> from a thread whose language is English, as a grain observer's is on an English server.</summary>
    private static Task<T> InEnglish<T>(Func<Task<T>> act) => Task.Run(async () =>
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        return await act();
    });
}
