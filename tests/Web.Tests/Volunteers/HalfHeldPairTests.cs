using Radzen.Blazor;

namespace MutualAid.Web.Tests.Volunteers;

/// <summary>
/// A two-volunteer request with one volunteer placed waits for the second: the one placed is offered
/// accept and decline, and the dispatcher can take them off (RequestLifecycle.Allows for a request
/// as it stands), where before both pages showed nothing to do. Placing the second from the dialog
/// says it adds a partner: the button said "Reassign", though the first keeps their place; and the
/// dialog names both once both hold it, where it named only the first. The hub's other volunteers
/// are offered its free place to claim (the grain takes a claim into it), where their pages offered
/// only requests nobody held. On a pair two already hold, the dialog's place buttons say whom the new
/// volunteer replaces and send that to the grain, where before they sent nothing and were refused.
/// </summary>
public sealed class HalfHeldPairTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private WebAppFactory Factory => app.Factory;

    /// <summary>A pair in a fresh hub with one new volunteer offered its first place by a dispatcher.</summary>
    private Task<(string Hub, Guid Volunteer, RequestView Offered)> HalfOffered() =>
        Seed.HalfHeldPair(Factory.Grains, "Wen", (grain, created, v) => grain.Assign(new AssignCommand(created.Version, Seed.Sam, v)));

    [Fact]
    public async Task The_dispatcher_can_take_the_volunteer_off_a_waiting_pair()
    {
        var (hub, volunteer, offered) = await HalfOffered();
        await using var coordinator = ComponentContext.Create(Factory, new RoleGrant(Role.Coordinator, hub));

        var dialog = coordinator.Render<DispatchDialog>(p => p.Add(x => x.RequestId, offered.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=unassign]"), TimeSpan.FromSeconds(10));
        await dialog.Click("[data-testid=unassign]");

        var grain = Factory.Grains.GetGrain<IRequestGrain>(offered.Id);
        await Wait.Until(async () => (await grain.GetView())!.Assignees.Count == 0, "the volunteer to be taken off", 10);
        Assert.Null((await grain.GetView())!.HeldBy(volunteer));
    }

    /// <summary>A volunteer more in the hub, once the board holds both volunteers (suggestions come from the board).</summary>
    private async Task<Guid> AnotherVolunteer(string hub, string name)
    {
        var id = await Seed.Volunteer(Factory.Grains, hub, name);
        await Wait.Until(async () => (await Factory.Grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count == 2, "both volunteers on the board", 10);
        return id;
    }

    [Fact]
    public async Task The_dispatch_dialog_says_it_adds_a_partner_to_a_waiting_pair_not_that_it_reassigns_it()
    {
        var (hub, wen, offered) = await HalfOffered();
        var vic = await AnotherVolunteer(hub, "Vic");
        await using var coordinator = ComponentContext.Create(Factory, new RoleGrant(Role.Coordinator, hub));

        var dialog = coordinator.Render<DispatchDialog>(p => p.Add(x => x.RequestId, offered.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[data-testid=suggestion]"), s => s.TextContent.Contains("Vic", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        var button = dialog.FindAll("[data-testid=suggestion]").Single(s => s.TextContent.Contains("Vic", StringComparison.Ordinal)).QuerySelector("[data-testid=assign]")!;

        Assert.Equal("Add as partner", button.TextContent.Trim());
        Assert.Equal("Add Vic as partner", button.GetAttribute("aria-label"));
        await dialog.Click("[data-testid=assign][aria-label='Add Vic as partner']");

        // It did what it said: Wen keeps her place and Vic is beside her.
        var grain = Factory.Grains.GetGrain<IRequestGrain>(offered.Id);
        await Wait.Until(async () => (await grain.GetView())!.Assignees.Count == 2, "the partner to be added", 10);
        Assert.NotNull((await grain.GetView())!.HeldBy(wen));
        Assert.NotNull((await grain.GetView())!.HeldBy(vic));
    }

    [Fact]
    public async Task The_dispatch_dialog_names_both_volunteers_of_a_pair_each_with_their_answer()
    {
        var (hub, wen, offered) = await HalfOffered();
        var vic = await AnotherVolunteer(hub, "Vic");
        var paired = await Factory.Grains.GetGrain<IRequestGrain>(offered.Id).Assign(new AssignCommand(offered.Version, Seed.Sam, vic));
        Assert.True(paired.IsOk, paired.Message);
        Assert.True((await Factory.Grains.GetGrain<IRequestGrain>(offered.Id).Accept(new RequestCommand(paired.Value!.Version, Seed.Sam) { AsVolunteer = vic })).IsOk);
        await using var coordinator = ComponentContext.Create(Factory, new RoleGrant(Role.Coordinator, hub));

        var dialog = coordinator.Render<DispatchDialog>(p => p.Add(x => x.RequestId, offered.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=dispatch-assignment]"), TimeSpan.FromSeconds(10));

        var links = dialog.FindAll("[data-testid=assigned-volunteer-link]");
        Assert.Equal(["Wen", "Vic"], links.Select(l => l.TextContent));
        Assert.Equal([$"/volunteers/{wen}", $"/volunteers/{vic}"], links.Select(l => l.GetAttribute("href")));
        Assert.Equal("Assigned to Wen (Offered) & Vic (Accepted) · assigned by Sam", dialog.Find("[data-testid=dispatch-assignment]").TextContent.Trim());

        // The board's row names them the same way (one builder for both).
        var board = coordinator.Render<BoardPage>(p => p.Add(x => x.Slug, hub));
        board.WaitForAssertion(() => Assert.Equal("Wen & Vic", board.Find("[data-testid=assigned-volunteer]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_dispatcher_replaces_one_of_a_full_pair_from_the_dialog_and_the_other_keeps_their_place()
    {
        var (hub, wen, offered) = await HalfOffered();
        var vic = await AnotherVolunteer(hub, "Vic");
        var grain = Factory.Grains.GetGrain<IRequestGrain>(offered.Id);
        var paired = await grain.Assign(new AssignCommand(offered.Version, Seed.Sam, vic));
        Assert.True(paired.IsOk, paired.Message);
        var xan = await Seed.Volunteer(Factory.Grains, hub, "Xan");
        await Wait.Until(async () => (await Factory.Grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count == 3, "all three volunteers on the board", 10);
        await using var coordinator = ComponentContext.Create(Factory, new RoleGrant(Role.Coordinator, hub));

        var dialog = coordinator.Render<DispatchDialog>(p => p.Add(x => x.RequestId, offered.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[data-testid=suggestion]"), s => s.TextContent.Contains("Xan", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        dialog.Find("[data-testid=pair-full]");
        var buttons = dialog.FindAll("[data-testid=suggestion]").Single(s => s.TextContent.Contains("Xan", StringComparison.Ordinal)).QuerySelectorAll("[data-testid=assign]");

        // One button per holder, each saying whom the new volunteer replaces.
        Assert.Equal(["Replace Wen", "Replace Vic"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Equal(["Put Xan in place of Wen", "Put Xan in place of Vic"], buttons.Select(b => b.GetAttribute("aria-label")));
        await dialog.Click($"[data-testid=assign][data-replacing='{wen}']");

        // Xan takes Wen's place; Vic keeps theirs.
        dialog.WaitForAssertion(() => Assert.Contains("Done.", dialog.Find("[data-testid=dispatch-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var now = (await grain.GetView())!;
        Assert.Null(now.HeldBy(wen));
        Assert.NotNull(now.HeldBy(vic));
        Assert.NotNull(now.HeldBy(xan));
        Assert.Equal(2, now.Assignees.Count);
    }

    [Fact]
    public async Task A_coordinator_puts_someone_the_suggestions_left_out_in_place_of_one_of_a_full_pair_and_is_never_offered_a_holder()
    {
        var (hub, wen, offered) = await HalfOffered();
        var vic = await AnotherVolunteer(hub, "Vic");
        var grain = Factory.Grains.GetGrain<IRequestGrain>(offered.Id);
        Assert.True((await grain.Assign(new AssignCommand(offered.Version, Seed.Sam, vic))).IsOk);
        // Five who help with food fill the suggestions; Xan helps with transport only, so only the
        // coordinator's "someone else" list reaches him.
        foreach (var name in new[] { "Ana", "Ben", "Cy", "Dee", "Eli" }) await Seed.Volunteer(Factory.Grains, hub, name);
        var xan = Guid.NewGuid();
        Assert.True((await Factory.Grains.GetGrain<IVolunteerGrain>(xan).Register(
            new VolunteerProfile("Xan", [hub], [RequestCategory.Transport], ["English"], true, 3, 10), Seed.Sam)).IsOk);
        await Wait.Until(async () => (await Factory.Grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Count == 8, "all eight volunteers on the board", 10);
        await using var coordinator = ComponentContext.Create(Factory, new RoleGrant(Role.Coordinator, hub));

        var dialog = coordinator.Render<DispatchDialog>(p => p.Add(x => x.RequestId, offered.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => Assert.Equal(5, dialog.FindAll("[data-testid=suggestion]").Count), TimeSpan.FromSeconds(10));

        // The list holds whom the suggestions left out, but never those already on the job: placing
        // either again is refused, so offering them is a dead end.
        var someoneElse = dialog.FindComponent<RadzenDropDown<Guid?>>();
        var listed = Assert.IsAssignableFrom<IEnumerable<VolunteerSummary>>(someoneElse.Instance.Data).Select(v => v.Name).ToArray();
        Assert.Equal(["Xan"], listed);

        await dialog.InvokeAsync(() => someoneElse.Instance.ValueChanged.InvokeAsync(xan));
        var replaceVic = dialog.FindAll("[data-testid=assign-other-go]").Single(b => b.GetAttribute("data-replacing") == vic.ToString());
        Assert.Equal("Put Xan in place of Vic", replaceVic.GetAttribute("aria-label"));
        await dialog.Click($"[data-testid=assign-other-go][data-replacing='{vic}']");

        dialog.WaitForAssertion(() => Assert.Contains("Done.", dialog.Find("[data-testid=dispatch-message]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var now = (await grain.GetView())!;
        Assert.NotNull(now.HeldBy(wen));
        Assert.Null(now.HeldBy(vic));
        Assert.NotNull(now.HeldBy(xan));
    }

    [Fact]
    public async Task The_dispatch_dialog_still_says_reassign_for_a_request_one_volunteer_holds()
    {
        var hub = await Seed.Hub(Factory.Grains);
        var omar = await Seed.Volunteer(Factory.Grains, hub, "Omar");
        await AnotherVolunteer(hub, "Priya");
        var request = await Seed.Request(Factory.Grains, hub);
        Assert.True((await Factory.Grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(request.Version, Seed.Sam, omar))).IsOk);
        await using var coordinator = ComponentContext.Create(Factory, new RoleGrant(Role.Coordinator, hub));

        var dialog = coordinator.Render<DispatchDialog>(p => p.Add(x => x.RequestId, request.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => Assert.Single(dialog.FindAll("[data-testid=suggestion]"), s => s.TextContent.Contains("Priya", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));

        var button = dialog.FindAll("[data-testid=suggestion]").Single(s => s.TextContent.Contains("Priya", StringComparison.Ordinal)).QuerySelector("[data-testid=assign]")!;
        Assert.Equal("Reassign", button.TextContent.Trim());
    }

    [Fact]
    public async Task Another_volunteer_of_the_hub_is_offered_a_waiting_pair_to_claim_and_claiming_it_completes_the_pair()
    {
        var (hub, wen, offered) = await HalfOffered();
        var vic = await AnotherVolunteer(hub, "Vic");
        await using var own = ComponentContext.Create(Factory, vic, new RoleGrant(Role.Volunteer, hub));

        var page = own.Render<VolunteerPage>(p => p.Add(x => x.Id, vic));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=claimable]"), c => c.TextContent.Contains(offered.Need, StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        var card = page.FindAll("[data-testid=claimable]").Single(c => c.TextContent.Contains(offered.Need, StringComparison.Ordinal));
        Assert.Equal("1 of 2", card.QuerySelector("[data-testid=pair-held]")!.TextContent.Trim());
        await page.Click(() => page.FindAll("[data-testid=claimable]").Single(c => c.TextContent.Contains(offered.Need, StringComparison.Ordinal)).QuerySelector("[data-testid=claim]")!);

        // Vic takes the free place beside Wen: the pair is complete.
        var grain = Factory.Grains.GetGrain<IRequestGrain>(offered.Id);
        await Wait.Until(async () => (await grain.GetView())!.Status == RequestStatus.Assigned, "the pair to be complete", 10);
        Assert.NotNull((await grain.GetView())!.HeldBy(wen));
        Assert.Equal(AssignmentState.Accepted, (await grain.GetView())!.HeldBy(vic)?.State);
        page.WaitForAssertion(() =>
        {
            Assert.Single(page.FindAll("[data-testid=my-assignment]"));
            Assert.DoesNotContain(page.FindAll("[data-testid=claimable]"), c => c.TextContent.Contains(offered.Need, StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_volunteer_holding_a_waiting_pair_is_not_offered_it_to_claim_again()
    {
        var (hub, wen, offered) = await HalfOffered();
        var open = await Seed.Request(Factory.Grains, hub);
        await using var own = ComponentContext.Create(Factory, wen, new RoleGrant(Role.Volunteer, hub));

        var page = own.Render<VolunteerPage>(p => p.Add(x => x.Id, wen));

        // The ordinary open request is offered, so the list is there; the pair Wen holds is not in it.
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=claimable]"), c => c.TextContent.Contains(open.Need, StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(page.FindAll("[data-testid=claimable]"), c => c.TextContent.Contains(offered.Need, StringComparison.Ordinal));
        Assert.Single(page.FindAll("[data-testid=my-assignment]"));
    }

    [Fact]
    public async Task The_volunteer_placed_in_a_waiting_pair_is_offered_accept_and_decline_on_their_own_page()
    {
        var (hub, volunteer, offered) = await HalfOffered();
        await using var own = ComponentContext.Create(Factory, volunteer, new RoleGrant(Role.Volunteer, hub));

        var page = own.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        page.WaitForAssertion(() => page.Find("[data-testid=accept]"), TimeSpan.FromSeconds(10));
        await page.Click("[data-testid=accept]");

        var grain = Factory.Grains.GetGrain<IRequestGrain>(offered.Id);
        await Wait.Until(async () => (await grain.GetView())!.HeldBy(volunteer)?.State == AssignmentState.Accepted, "the place to be accepted", 10);
    }
}
