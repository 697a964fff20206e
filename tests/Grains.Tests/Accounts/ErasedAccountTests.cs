namespace MutualAid.Grains.Tests.Accounts;

/// <summary>Erasing a volunteer who joined with an account forgets what their account and volunteer still held about them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ErasedAccountTests(ClusterFixture fixture)
{
    private readonly Domain world = new(fixture.Grains);

    [Fact]
    public async Task Erasing_a_volunteer_forgets_the_coordinators_messages_to_them_and_their_account()
    {
        var hub = await world.NewHub();
        var email = $"erin-{Guid.NewGuid():N}@example.org";
        var user = world.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email));
        Assert.True((await user.Create("Erin Erasable", "hash", [new RoleGrant(Role.Volunteer, hub)], Domain.Sam)).IsOk);
        var volunteerId = (await user.JoinAsVolunteer(null, Domain.Sam)).Value!.VolunteerId!.Value;
        var volunteer = world.Grains.GetGrain<IVolunteerGrain>(volunteerId);
        await volunteer.Tell(hub, new Actor("cora@example.org", "Cora"), "Erin, your DBS renewal failed");
        Assert.Single((await volunteer.GetView())!.Notices);
        // They also kept shifts (a volunteer who dispatches too): those are kept under their email.
        var shifts = world.Grains.GetGrain<MutualAid.Shifts.IShiftGrain>(IUserGrain.Key(email));
        Assert.True((await shifts.Start(hub, 4)).IsOk);
        Assert.True((await shifts.Finish()).IsOk);
        Assert.True((await shifts.Start(hub, 2)).IsOk);

        var erased = await volunteer.ErasePersonalData(Domain.Sam);
        await user.Forget(Domain.Sam);

        Assert.True(erased.IsOk, erased.Message);
        Assert.Empty(erased.Value!.Notices);
        Assert.Null(await user.GetAccount());
        var forgotten = await shifts.GetShift();
        Assert.Null(forgotten.Current);
        Assert.Empty(forgotten.Recent);
        var directory = await world.Grains.GetGrain<IUserDirectoryGrain>(0).List();
        Assert.DoesNotContain(directory, u => u.Email == IUserGrain.Key(email) || u.DisplayName == "Erin Erasable");
        var tombstone = Assert.Single(directory, u => u.VolunteerId == volunteerId);
        Assert.True(tombstone.Disabled);
        Assert.Empty(tombstone.Roles);

        // Erasing again (a retry after a crash) is harmless, and the same email may start afresh.
        await user.Forget(Domain.Sam);
        Assert.True((await user.Create("Erin New", "hash", [new RoleGrant(Role.Volunteer, hub)], Domain.Sam)).IsOk);
        var fresh = await user.JoinAsVolunteer(null, Domain.Sam);
        Assert.True(fresh.IsOk, fresh.Message);
        Assert.NotEqual(volunteerId, fresh.Value!.VolunteerId);
        // The erased volunteer is bound to no email now, and still to no other account.
        Assert.Equal(ResultStatus.Refused, (await volunteer.Join(hub, email, "Erin New", Domain.Sam)).Status);
    }
}
