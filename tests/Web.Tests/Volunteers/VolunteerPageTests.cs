namespace MutualAid.Web.Tests.Volunteers;

/// <summary>The volunteer page: who sees how much, a coordinator's message, and live updates for the volunteer.</summary>
public sealed class VolunteerPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string Phone = "07700 900555";
    private const string Email = "vee.private@example.org";

    private async Task<(string Hub, Guid Volunteer)> World()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var id = Guid.NewGuid();
        var registered = await grains.GetGrain<IVolunteerGrain>(id).Register(
            new VolunteerProfile("Vee", [hub], [RequestCategory.Food], ["English"], true, 3, 10)
            {
                Skills = ["First aid"],
                Contact = new ContactDetails("Vee", Phone, Email, null),
                Location = new GeoPoint(51.523456, -0.087654),
            }, Seed.Sam);
        Assert.True(registered.IsOk, registered.Message);
        return (hub, id);
    }

    [Fact]
    public async Task A_dispatcher_sees_the_dispatch_profile_without_contact_details_or_location()
    {
        var (hub, volunteer) = await World();
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));

        var page = context.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));

        page.WaitForAssertion(() => Assert.Contains("First aid", page.Find("[data-testid=volunteer-skills]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("Vee", page.Find("[data-testid=volunteer-name]").TextContent);
        Assert.DoesNotContain(Phone, page.Markup);
        Assert.DoesNotContain(Email, page.Markup);
        Assert.DoesNotContain("51.52", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=my-weeks]"));
        Assert.Empty(page.FindAll("[data-testid=send-message]"));
    }

    [Fact]
    public async Task A_coordinator_sees_contact_details_and_someone_of_another_hub_sees_nothing()
    {
        var (hub, volunteer) = await World();
        var other = await Seed.Hub(app.Factory.Grains);
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        await using var stranger = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, other));

        var full = coordinator.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        var none = stranger.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));

        full.WaitForAssertion(() => Assert.Contains(Phone, full.Find("[data-testid=volunteer-contact]").TextContent), TimeSpan.FromSeconds(10));
        none.WaitForAssertion(() => Assert.Single(none.FindAll("[data-testid=no-volunteer]")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Vee", none.Markup);
        Assert.DoesNotContain(Phone, none.Markup);
    }

    [Fact]
    public async Task A_coordinators_message_reaches_the_volunteers_open_page_without_reload()
    {
        var (hub, volunteer) = await World();
        await using var mine = ComponentContext.Create(app.Factory, volunteer, new RoleGrant(Role.Volunteer, hub));
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var own = mine.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        own.WaitForAssertion(() => Assert.Single(own.FindAll("[data-testid=nothing-assigned]")), TimeSpan.FromSeconds(10));
        Assert.Empty(own.FindAll("[data-testid=volunteer-notice]"));

        var page = coordinator.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=send-message]")), TimeSpan.FromSeconds(10));
        await page.Change("[data-testid=message-text]", "Please bring the blue bags");
        await page.Click("[data-testid=send-message]");

        own.WaitForAssertion(() => Assert.Contains("Cora: Please bring the blue bags", own.Find("[data-testid=volunteer-notice]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Only_a_coordinator_of_their_hub_may_message_a_volunteer()
    {
        var (hub, volunteer) = await World();
        await using var dispatcher = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));
        var service = dispatcher.Services.GetService<MutualAid.Web.Volunteers.VolunteerService>();

        var result = await service!.SendMessage(volunteer, "Give me their address");

        Assert.Equal(ResultStatus.Refused, result.Status);
        Assert.Empty((await app.Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Notices);
    }

    [Fact]
    public async Task The_volunteers_page_shows_a_new_assignment_and_loses_one_reassigned_away_without_reload()
    {
        var (hub, volunteer) = await World();
        var otherVolunteer = await Seed.Volunteer(app.Factory.Grains, hub, "Omar");
        var request = await Seed.Request(app.Factory.Grains, hub);
        await using var mine = ComponentContext.Create(app.Factory, volunteer, new RoleGrant(Role.Volunteer, hub));
        var own = mine.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        own.WaitForAssertion(() => Assert.Single(own.FindAll("[data-testid=nothing-assigned]")), TimeSpan.FromSeconds(10));

        var assigned = await app.Factory.Grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(request.Version, Seed.Sam, volunteer, 2));
        Assert.True(assigned.IsOk, assigned.Message);

        own.WaitForAssertion(() =>
        {
            Assert.Contains("Food parcel", own.Find("[data-testid=my-assignment]").TextContent);
            Assert.Single(own.FindAll("[data-testid=accept]"));
            Assert.Empty(own.FindAll("[data-testid=picked-up]")); // accept comes first
        }, TimeSpan.FromSeconds(10));

        var reassigned = await app.Factory.Grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(assigned.Value!.Version, Seed.Sam, otherVolunteer, 2));
        Assert.True(reassigned.IsOk, reassigned.Message);

        own.WaitForAssertion(() => Assert.Empty(own.FindAll("[data-testid=my-assignment]")), TimeSpan.FromSeconds(10));
    }
}
