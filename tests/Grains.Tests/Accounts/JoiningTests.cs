namespace MutualAid.Grains.Tests.Accounts;

/// <summary>An account with the Volunteer role is a volunteer of that hub, whichever way it got the role.</summary>
[Collection(ClusterCollection.Name)]
public sealed class JoiningTests(ClusterFixture fixture)
{
    private readonly Domain world = new(fixture.Grains);

    private IUserGrain User(string email) => world.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email));

    private static string NewEmail() => $"vol-{Guid.NewGuid():N}@example.org";

    private async Task<IUserGrain> NewAccount(string name, params RoleGrant[] roles)
    {
        var user = User(NewEmail());
        Assert.True((await user.Create(name, "hash", roles, Domain.Sam)).IsOk);
        return user;
    }

    [Fact]
    public async Task Joining_creates_the_volunteer_links_it_and_puts_it_on_the_board()
    {
        var hub = await world.NewHub();
        var user = await NewAccount("Priya Shah", new RoleGrant(Role.Volunteer, hub));

        var joined = await user.JoinAsVolunteer(null, Domain.Sam);

        Assert.True(joined.IsOk, joined.Message);
        var volunteerId = Assert.IsType<Guid>(joined.Value!.VolunteerId);
        var view = await world.Grains.GetGrain<IVolunteerGrain>(volunteerId).GetView();
        Assert.Equal("Priya Shah", view!.Profile.Name);
        Assert.Equal([hub], view.Profile.HubSlugs);
        Assert.True(view.OnDuty);
        await Wait.Until(async () => (await world.Grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Any(v => v.Id == volunteerId), "the volunteer on the board");

        // Asking again (a sign-in finishing a join) changes nothing.
        var again = await user.JoinAsVolunteer(null, Domain.Sam);
        Assert.Equal(volunteerId, again.Value!.VolunteerId);
        Assert.Equal(view.Version, (await world.Grains.GetGrain<IVolunteerGrain>(volunteerId).GetView())!.Version);
    }

    [Fact]
    public async Task Joining_a_second_hub_adds_it_to_the_same_volunteer()
    {
        var north = await world.NewHub();
        var south = await world.NewHub();
        var user = await NewAccount("Omar", new RoleGrant(Role.Volunteer, north));
        var first = (await user.JoinAsVolunteer(null, Domain.Sam)).Value!.VolunteerId;

        await user.Grant(new RoleGrant(Role.Volunteer, south), Domain.Sam);
        var second = await user.JoinAsVolunteer(null, Domain.Sam);

        Assert.Equal(first, second.Value!.VolunteerId);
        var view = await world.Grains.GetGrain<IVolunteerGrain>(first!.Value).GetView();
        Assert.Equal([north, south], view!.Profile.HubSlugs);
    }

    [Fact]
    public async Task An_invited_imported_volunteer_binds_to_the_account_once()
    {
        var hub = await world.NewHub();
        var imported = await world.NewVolunteer(hub, "Fatima");
        var fatima = await NewAccount("Fatima B", new RoleGrant(Role.Volunteer, hub));

        var joined = await fatima.JoinAsVolunteer(imported.Id, Domain.Sam);

        Assert.Equal(imported.Id, joined.Value!.VolunteerId);
        Assert.Equal("Fatima", (await world.Grains.GetGrain<IVolunteerGrain>(imported.Id).GetView())!.Profile.Name); // their record, kept

        // A second account invited as the same volunteer cannot take it over; it gets a volunteer of its own.
        var other = await NewAccount("Someone else", new RoleGrant(Role.Volunteer, hub));
        var refused = await other.JoinAsVolunteer(imported.Id, Domain.Sam);
        Assert.True(refused.IsOk, refused.Message);
        Assert.NotEqual(imported.Id, refused.Value!.VolunteerId);
        Assert.Equal("Someone else", (await world.Grains.GetGrain<IVolunteerGrain>(refused.Value.VolunteerId!.Value).GetView())!.Profile.Name);
    }

    [Fact]
    public async Task Removing_the_volunteer_role_takes_them_off_that_hubs_board()
    {
        var hub = await world.NewHub();
        var user = await NewAccount("Lena", new RoleGrant(Role.Volunteer, hub));
        var id = (await user.JoinAsVolunteer(null, Domain.Sam)).Value!.VolunteerId!.Value;
        var board = world.Grains.GetGrain<IHubGrain>(hub);
        await Wait.Until(async () => (await board.GetSnapshot()).Volunteers.Any(v => v.Id == id), "the volunteer on the board");

        var revoked = await user.Revoke(new RoleGrant(Role.Volunteer, hub), Domain.Sam);

        Assert.True(revoked.IsOk, revoked.Message);
        Assert.Empty((await world.Grains.GetGrain<IVolunteerGrain>(id).GetView())!.Profile.HubSlugs);
        await Wait.Until(async () => !(await board.GetSnapshot()).Volunteers.Any(v => v.Id == id), "the volunteer off the board");
    }
}
