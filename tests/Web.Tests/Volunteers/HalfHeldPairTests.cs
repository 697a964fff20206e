using Bunit;

namespace MutualAid.Web.Tests.Volunteers;

/// <summary>
/// A two-volunteer request with one volunteer placed waits for the second: the one placed is offered
/// accept and decline, and the dispatcher can take them off (RequestLifecycle.Allows for a request
/// as it stands), where before both pages showed nothing to do.
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
        await dialog.Find("[data-testid=unassign]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        var grain = Factory.Grains.GetGrain<IRequestGrain>(offered.Id);
        await Wait.Until(async () => (await grain.GetView())!.Assignees.Count == 0, "the volunteer to be taken off", 10);
        Assert.Null((await grain.GetView())!.HeldBy(volunteer));
    }

    [Fact]
    public async Task The_volunteer_placed_in_a_waiting_pair_is_offered_accept_and_decline_on_their_own_page()
    {
        var (hub, volunteer, offered) = await HalfOffered();
        await using var own = ComponentContext.Create(Factory, volunteer, new RoleGrant(Role.Volunteer, hub));

        var page = own.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        page.WaitForAssertion(() => page.Find("[data-testid=accept]"), TimeSpan.FromSeconds(10));
        await page.Find("[data-testid=accept]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        var grain = Factory.Grains.GetGrain<IRequestGrain>(offered.Id);
        await Wait.Until(async () => (await grain.GetView())!.HeldBy(volunteer)?.State == AssignmentState.Accepted, "the place to be accepted", 10);
    }
}
