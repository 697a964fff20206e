namespace MutualAid.Web.Tests.Dispatch;

/// <summary>
/// A dispatcher passes a need their hub cannot meet to its region from the dispatch dialog: only with
/// a reason, only to the hub's own region, and only while nobody holds it.
/// </summary>
public sealed class EscalateFromDialogTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_dispatcher_passes_a_request_to_the_hubs_region_once_they_say_why()
    {
        var grains = app.Factory.Grains;
        var region = $"r-{Guid.NewGuid():N}"[..12];
        var hub = await Seed.Hub(grains, region);
        var request = await Seed.Request(grains, hub, "07700 900611");
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));
        var dialog = context.Render<DispatchDialog>(p => p.Add(x => x.RequestId, request.Id).Add(x => x.HubSlug, hub));
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=escalate]"), TimeSpan.FromSeconds(10));

        await dialog.Click("[data-testid=escalate]");
        dialog.WaitForAssertion(() => Assert.Contains("Say why this hub cannot meet it.", dialog.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(RequestStatus.New, (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Status);

        await dialog.Change("input[aria-label=Reason]", "No driver with a wheelchair van here");
        await dialog.Click("[data-testid=escalate]");

        await Wait.Until(async () => (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Status == RequestStatus.Escalated, "the request is passed on");
        var passed = (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!;
        Assert.Equal(region, passed.EscalatedTo);
        Assert.Contains(await grains.GetGrain<IRequestGrain>(request.Id).GetAudit(), e => e.Reason == "No driver with a wheelchair van here" && e.Said.Key == "DidEscalate");
    }

    [Fact]
    public async Task A_hub_in_no_region_says_so_and_a_volunteer_may_not_pass_anything_on()
    {
        var grains = app.Factory.Grains;
        var alone = await Seed.Hub(grains, region: null);
        var request = await Seed.Request(grains, alone, "07700 900612");
        await using var dispatcher = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, alone));
        await using var volunteer = ComponentContext.Create(app.Factory, new RoleGrant(Role.Volunteer, alone));

        var nowhere = await dispatcher.Services.GetRequiredService<DispatchService>().Escalate(alone, request.Id, request.Version, "No one here");
        var notTheirs = await volunteer.Services.GetRequiredService<DispatchService>().Escalate(alone, request.Id, request.Version, "No one here");

        Assert.Equal((ResultStatus.Refused, Reason.HubInNoRegion), (nowhere.Status, nowhere.Reason));
        Assert.Equal((ResultStatus.Refused, Reason.NotADispatcher), (notTheirs.Status, notTheirs.Reason));
        Assert.Equal(RequestStatus.New, (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Status);
    }
}
