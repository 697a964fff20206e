namespace MutualAid.Web.Tests.Components;

/// <summary>
/// A hub's staff read every time in their hub's zone: deployed, the server runs on UTC, and a
/// history line at "09:05" for something done at 18:05 sends a dispatcher to the wrong shift.
/// </summary>
public sealed class HubZoneTimesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_dispatch_dialog_gives_its_history_and_contact_notes_in_the_hubs_time()
    {
        var grains = app.Factory.Grains;
        var (hub, zone) = await HubFarFromHere(grains);
        var request = await Seed.Request(grains, hub);
        var note = (await grains.GetGrain<IRequestGrain>(request.Id).AddNote(new AddNote(NoteKind.Called, "Rang at noon", false, Seed.Sam))).Value!;
        var created = (await grains.GetGrain<IRequestGrain>(request.Id).GetAudit())[0].At;
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Dispatcher, hub));

        var dialog = context.Render<DispatchDialog>(p => p.Add(x => x.RequestId, request.Id).Add(x => x.HubSlug, hub));

        dialog.WaitForAssertion(() =>
        {
            var first = dialog.FindAll("[data-testid=history-entry]")[0].TextContent;
            Assert.Contains($" · {HubTime.Show(created, zone)} · ", first);
            Assert.DoesNotContain(created.ToLocalTime().ToString("t", System.Globalization.CultureInfo.CurrentCulture), first);
            var line = dialog.Find("[data-testid=note]").TextContent;
            Assert.StartsWith(HubTime.Show(note.At, zone, "g"), line.Trim());
            Assert.DoesNotContain(note.At.ToLocalTime().ToString("g", System.Globalization.CultureInfo.CurrentCulture), line);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_boards_created_time_is_the_hubs()
    {
        var grains = app.Factory.Grains;
        var (hub, zone) = await HubFarFromHere(grains);
        var request = await Seed.Request(grains, hub);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        var board = context.Render<BoardPage>(p => p.Add(x => x.Slug, hub));

        board.WaitForAssertion(() => Assert.Equal(HubTime.Show(request.CreatedAt, zone, "g"), board.Find("[data-testid=request-age]").GetAttribute("title")), TimeSpan.FromSeconds(10));
        Assert.NotEqual(request.CreatedAt.ToLocalTime().ToString("g", System.Globalization.CultureInfo.CurrentCulture), board.Find("[data-testid=request-age]").GetAttribute("title"));
    }

    [Fact]
    public async Task The_decisions_page_renders_while_it_reads_the_hubs_zone()
    {
        var grains = app.Factory.Grains;
        var (hub, _) = await HubFarFromHere(grains);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        // It renders at its first await: a drop-down given no choices yet broke it (found by the browser journey).
        var page = context.Render<MutualAid.Web.Decisions.DecisionsPage>(p => p.Add(x => x.Slug, hub));

        page.WaitForAssertion(() => page.Find("[data-testid=decision-none]"), TimeSpan.FromSeconds(10));
    }

    /// <summary>A new hub in a zone at least five hours from this machine's, so the two readings of a time differ.</summary>
    private static async Task<(string Hub, TimeZoneInfo Zone)> HubFarFromHere(IGrainFactory grains)
    {
        var here = TimeZoneInfo.Local.GetUtcOffset(DateTimeOffset.UtcNow);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Math.Abs((here - TimeSpan.FromHours(9)).TotalHours) >= 5 ? "Asia/Tokyo" : "America/Sao_Paulo");
        var hub = await Seed.Hub(grains);
        await Seed.InZone(grains, hub, zone.Id);
        return (hub, zone);
    }
}
