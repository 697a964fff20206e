namespace MutualAid.Web.Tests.Components;

public sealed class BoardComponentTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_board_shows_the_snapshot_and_updates_live_when_a_request_arrives()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await Seed.Request(grains, hub, urgency: Urgency.Critical);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        var board = context.Render<BoardPage>(p => p.Add(x => x.Slug, hub));
        board.WaitForAssertion(() => Assert.Single(board.FindAll("[data-testid=request-need]")), TimeSpan.FromSeconds(10));
        Assert.Contains("Critical", board.Markup);

        var second = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Shelter, Urgency.High, "Mill Lane",
            "A bed for tonight", new Common.ContactDetails("Jo", "07700 900999", null, null), RequestSource.PhoneIntake, Seed.Sam));
        Assert.True(second.IsOk);

        board.WaitForAssertion(() =>
        {
            Assert.Equal(2, board.FindAll("[data-testid=request-need]").Count);
            Assert.Contains("A bed for tonight", board.Markup);
        }, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("07700 900999", board.Markup); // the board only ever holds redacted summaries
    }

    [Fact]
    public async Task The_dispatch_dialog_turns_a_stale_assignment_into_a_plain_words_conflict()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await Seed.Volunteer(grains, hub, "Priya");
        var omar = await Seed.Volunteer(grains, hub, "Omar");
        var request = await Seed.Request(grains, hub);
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot()).Volunteers.Count == 2
            && (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot()).Requests.Count == 1, "board ready");
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        var dialog = context.Render<DispatchDialog>(p => p.Add(x => x.RequestId, request.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => Assert.Equal(2, dialog.FindAll("[data-testid=assign]").Count), TimeSpan.FromSeconds(10));

        // Meanwhile another dispatcher assigns Omar.
        Assert.True((await grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(request.Version, Seed.Sam, omar))).IsOk);
        await dialog.Click("[data-testid=assign]");

        dialog.WaitForAssertion(() =>
        {
            var message = dialog.Find("[data-testid=dispatch-message]").TextContent;
            Assert.Contains("Sam assigned this to Omar", message);
            Assert.Contains("s ago", message);
        }, TimeSpan.FromSeconds(10));
        dialog.WaitForAssertion(() => Assert.Contains("Omar", dialog.Find("[data-testid=dispatch-assignment]").TextContent));
        Assert.Equal(omar, (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Assignment!.VolunteerId);
    }

    [Fact]
    public async Task Intake_warns_about_a_repeated_phone_number_before_saving_and_then_saves()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var existing = await Seed.Request(grains, hub, phone: "07700 900321");
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot()).Requests.Count == 1, "board has the request");
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        var intake = context.Render<IntakePage>(p => p.Add(x => x.Slug, hub));
        // The page renders again when the hub's areas arrive; find and change in one step on the renderer.
        await intake.InvokeAsync(() => intake.Find("[data-testid=intake-phone]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "+44 7700 900321" }));

        intake.WaitForAssertion(() =>
        {
            var warning = intake.Find("[data-testid=duplicate-warning]").TextContent;
            Assert.Contains(existing.ReferenceCode, warning);
            Assert.Contains("same phone", warning);
        }, TimeSpan.FromSeconds(10));
        Assert.Empty(intake.FindAll("[data-testid=intake-saved]"));
    }
    [Fact]
    public async Task A_live_change_keeps_a_coordinator_on_their_page_of_requests_and_shows_the_change()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var total = BoardPage.RequestsPerPage + 3;
        for (var i = 0; i < total; i++) await Seed.Request(grains, hub, phone: $"07700 90{i:0000}");
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot()).Requests.Count == total, "board has every request");
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));

        // A tab renders one page of rows, not the whole board.
        var board = context.Render<BoardPage>(p => p.Add(x => x.Slug, hub));
        board.WaitForAssertion(() => Assert.Equal(BoardPage.RequestsPerPage, board.FindAll("[data-testid=request-need]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(BoardPage.RequestsPerPage, board.FindAll("[data-testid=dispatch-open]").Count);

        await board.InvokeAsync(() => board.Find("[data-testid=requests-grid] [aria-label='Next page']").Click());
        board.WaitForAssertion(() => Assert.Equal(3, board.FindAll("[data-testid=request-need]").Count), TimeSpan.FromSeconds(10));

        // Someone else takes a call: the board changes under the coordinator, who stays on page two and sees it there
        // (the board lists requests by urgency, then age, so a new normal one is the last row).
        var created = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Shelter, Urgency.Normal, "Mill Lane",
            "A bed for tonight", new Common.ContactDetails("Jo", "07700 909999", null, null), RequestSource.PhoneIntake, Seed.Sam));
        Assert.True(created.IsOk);
        board.WaitForAssertion(() =>
        {
            var needs = board.FindAll("[data-testid=request-need]").Select(n => n.TextContent).ToList();
            Assert.Equal(4, needs.Count);
            Assert.Equal("A bed for tonight", needs[^1]);
            Assert.Contains($"Page 2 of 2 ({total + 1} items)", board.Find("[data-testid=requests-grid]").TextContent);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_coordinator_filters_sorts_and_groups_the_requests_over_the_whole_board_and_a_live_change_keeps_the_choice()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        for (var i = 0; i < BoardPage.RequestsPerPage; i++) await Seed.Request(grains, hub, phone: $"07700 91{i:0000}");
        await Seed.Request(grains, hub, phone: "07700 919998", urgency: Urgency.Critical);
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot()).Requests.Count == BoardPage.RequestsPerPage + 1, "board has every request");
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));
        var board = context.Render<BoardPage>(p => p.Add(x => x.Slug, hub));
        board.WaitForAssertion(() => Assert.Equal(BoardPage.RequestsPerPage, board.FindAll("[data-testid=request-need]").Count), TimeSpan.FromSeconds(10));

        // Only the critical ones, from the filter row's drop-down: one row, and the pager counts one.
        await board.InvokeAsync(() => board.Find("[data-testid=requests-filter-urgency]").Change(nameof(Urgency.Critical)));
        board.WaitForAssertion(() => Assert.Single(board.FindAll("[data-testid=request-need]")));
        Assert.Contains("Page 1 of 1 (1 items)", board.Find("[data-testid=requests-pager]").TextContent);

        // A new critical request arrives: the filter holds and shows it.
        Assert.True((await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Shelter, Urgency.Critical, "Mill Lane",
            "A bed for tonight", new Common.ContactDetails("Jo", "07700 909998", null, null), RequestSource.PhoneIntake, Seed.Sam))).IsOk);
        board.WaitForAssertion(() => Assert.Equal(2, board.FindAll("[data-testid=request-need]").Count), TimeSpan.FromSeconds(10));

        // Text filters contain what was typed in any case; the category header sorts, and says so to a screen reader.
        await board.InvokeAsync(() => board.Find("[data-testid=requests-filter-urgency]").Change(""));
        await board.InvokeAsync(() => board.Find("[data-testid=requests-filter-need]").Change("BED"));
        board.WaitForAssertion(() => Assert.Equal(["A bed for tonight"], board.FindAll("[data-testid=request-need]").Select(n => n.TextContent)));
        await board.InvokeAsync(() => board.Find("[data-testid=requests-filter-need]").Change(""));
        await board.InvokeAsync(() => board.Find("[data-testid=requests-sort-category]").Click());
        board.WaitForAssertion(() => Assert.All(board.FindAll("[data-testid=request-need]"), n => Assert.Equal("Food parcel", n.TextContent))); // shelter sorts after food
        Assert.Equal("ascending", board.Find("[data-testid=requests-sort-category]").ParentElement!.GetAttribute("aria-sort"));

        // Grouped by urgency: a heading per group over the whole board, critical first.
        await board.InvokeAsync(() => board.Find("[data-testid=requests-group]").Change("urgency"));
        board.WaitForAssertion(() => Assert.Equal(["Urgency: Critical", "Urgency: Normal"], board.FindAll(".ma-group-row th").Select(h => h.TextContent)));
        Assert.Equal(2, board.FindAll("tbody tr.ma-row-Critical").Count);
    }

    [Fact]
    public async Task A_spanish_reader_filters_and_sorts_by_the_language_as_the_board_shows_it()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        foreach (var (language, need, phone) in new[] { ("Spanish", "Comida para dos", "07700 909997"), ("English", "Food for two", "07700 909996") })
        {
            Assert.True((await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Food, Urgency.Normal, "Mill Lane",
                need, new Common.ContactDetails("Jo", phone, null, null), RequestSource.PublicForm, Seed.Sam)
            { PreferredLanguage = language })).IsOk);
        }

        await Localization.Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));
            var board = context.Render<BoardPage>(p => p.Add(x => x.Slug, hub));
            board.WaitForAssertion(() => Assert.Equal(2, board.FindAll("[data-testid=request-need]").Count), TimeSpan.FromSeconds(10));

            foreach (var typed in new[] { "españ", "SPANISH" })
            {
                await board.InvokeAsync(() => board.Find("[data-testid=requests-filter-language]").Change(typed));
                board.WaitForAssertion(() => Assert.Equal(["Comida para dos"], board.FindAll("[data-testid=request-need]").Select(n => n.TextContent)));
            }

            await board.InvokeAsync(() => board.Find("[data-testid=requests-filter-language]").Change("inglés"));
            board.WaitForAssertion(() => Assert.Equal(["Food for two"], board.FindAll("[data-testid=request-need]").Select(n => n.TextContent)));

            // Sorted as the column reads: Español before Inglés (the stored words would put English first).
            await board.InvokeAsync(() => board.Find("[data-testid=requests-filter-language]").Change(""));
            await board.InvokeAsync(() => board.Find("[data-testid=requests-sort-language]").Click());
            board.WaitForAssertion(() => Assert.Equal(["Comida para dos", "Food for two"], board.FindAll("[data-testid=request-need]").Select(n => n.TextContent)));
        });
    }

    [Fact]
    public async Task A_spanish_reader_filters_and_sorts_by_the_area_as_the_board_shows_it_when_no_place_was_named()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        foreach (var (area, need, phone) in new[] { ("Mill Lane", "Pan", "07700 909995"), (NewRequest.AreaNotGiven, "Leche", "07700 909994") })
        {
            Assert.True((await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Food, Urgency.Normal, area,
                need, new Common.ContactDetails("Jo", phone, null, null), RequestSource.Sms, Seed.Sam))).IsOk);
        }

        await Localization.Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));
            var board = context.Render<BoardPage>(p => p.Add(x => x.Slug, hub));
            board.WaitForAssertion(() => Assert.Equal(2, board.FindAll("[data-testid=request-need]").Count), TimeSpan.FromSeconds(10));

            await board.InvokeAsync(() => board.Find("[data-testid=requests-filter-area]").Change("sin indicar"));
            board.WaitForAssertion(() => Assert.Equal(["Leche"], board.FindAll("[data-testid=request-need]").Select(n => n.TextContent)));

            // Sorted as the column reads: 'Lugar sin indicar' before 'Mill Lane' (the stored 'Unknown' would come last).
            await board.InvokeAsync(() => board.Find("[data-testid=requests-filter-area]").Change(""));
            await board.InvokeAsync(() => board.Find("[data-testid=requests-sort-area]").Click());
            board.WaitForAssertion(() => Assert.Equal(["Leche", "Pan"], board.FindAll("[data-testid=request-need]").Select(n => n.TextContent)));
        });
    }

    [Fact]
    public async Task Grouped_by_volunteer_a_pair_stands_under_both_its_names()
    {
        var grains = app.Factory.Grains;
        var (hub, _, waiting) = await Seed.HalfHeldPair(grains, "Wen", (grain, created, v) => grain.Assign(new AssignCommand(created.Version, Seed.Sam, v)));
        var vic = await Seed.Volunteer(grains, hub, "Vic");
        Assert.True((await grains.GetGrain<IRequestGrain>(waiting.Id).Assign(new AssignCommand(waiting.Version, Seed.Sam, vic))).IsOk);
        await using var context = ComponentContext.Create(app.Factory, new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub));
        var board = context.Render<BoardPage>(p => p.Add(x => x.Slug, hub));
        board.WaitForAssertion(() => Assert.Contains("2 of 2", board.Find("[data-testid=pair-held]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        await board.InvokeAsync(() => board.Find("[data-testid=requests-group]").Change("volunteer"));

        board.WaitForAssertion(() => Assert.Equal(["Volunteer: Wen & Vic"], board.FindAll(".ma-group-row th").Select(h => h.TextContent)));
    }
}
