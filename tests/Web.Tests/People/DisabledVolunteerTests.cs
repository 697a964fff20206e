using MutualAid.Web.Dispatch;

namespace MutualAid.Web.Tests.People;

/// <summary>
/// Disabling an account stops the person, not only their sign-in: a volunteer reached by text and
/// email without signing in must not be given jobs or a requester's contact details. From an empty
/// network: a volunteer joins by invitation, a dispatcher gives them two jobs, one accepted, and the
/// network's admin disables the account on the team page.
/// </summary>
public sealed class DisabledVolunteerTests(TeamWorld world) : IClassFixture<TeamWorld>
{
    private const string Hub = TeamWorld.Hub;

    [Fact]
    public async Task A_disabled_volunteer_is_taken_off_their_jobs_sees_no_contact_and_cannot_be_assigned_until_enabled()
    {
        var grains = world.Factory.Grains;
        var cora = await world.ActorOf(world.Coordinator);
        var vic = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, "Vic");
        var dan = await world.Join(new RoleGrant(Role.Dispatcher, Hub), cora, "Dan");
        var volunteerId = (await grains.GetGrain<IUserGrain>(IUserGrain.Key(vic)).GetAccount())!.VolunteerId!.Value;
        var dispatch = await world.As<DispatchService>(dan);
        var offered = await Seed.Request(grains, Hub, "07700 900301");
        var accepted = await Seed.Request(grains, Hub, "07700 900302");
        var spare = await Seed.Request(grains, Hub, "07700 900303");
        Assert.True((await dispatch.Assign(Hub, offered.Id, volunteerId, offered.Version)).IsOk);
        var given = await dispatch.Assign(Hub, accepted.Id, volunteerId, accepted.Version);
        Assert.True(given.IsOk, given.Message);
        var took = await grains.GetGrain<IRequestGrain>(accepted.Id).Accept(new RequestCommand(given.Value!.Version, new Actor($"volunteer:{volunteerId}", "Vic")) { Hub = Hub, AsVolunteer = volunteerId });
        Assert.True(took.IsOk, took.Message);
        Assert.NotNull(await grains.GetGrain<IRequestGrain>(accepted.Id).ContactForVolunteer(volunteerId));

        var admin = await world.TeamAs(world.Admin);
        var disabled = await admin.SetDisabled(vic, true);

        Assert.True(disabled.IsOk, disabled.Message);
        Assert.Equal(2, disabled.Value!.JobsReturned);
        foreach (var id in new[] { offered.Id, accepted.Id })
        {
            var request = (await grains.GetGrain<IRequestGrain>(id).GetView())!;
            Assert.Null(request.HeldBy(volunteerId));
            Assert.Null(await grains.GetGrain<IRequestGrain>(id).ContactForVolunteer(volunteerId));
        }

        var volunteer = (await grains.GetGrain<IVolunteerGrain>(volunteerId).GetView())!;
        Assert.True(volunteer.Suspended);
        Assert.False(volunteer.OnDuty);
        var spareNow = (await grains.GetGrain<IRequestGrain>(spare.Id).GetView())!;
        var refused = await dispatch.Assign(Hub, spare.Id, volunteerId, spareNow.Version);
        Assert.Equal((ResultStatus.Refused, Reason.VolunteerSuspended), (refused.Status, refused.Reason));

        // Pressing again (a run cut short) changes nothing further.
        var again = await admin.SetDisabled(vic, true);
        Assert.Equal(0, again.Value!.JobsReturned);

        var enabled = await admin.SetDisabled(vic, false);
        Assert.True(enabled.IsOk, enabled.Message);
        Assert.False((await grains.GetGrain<IVolunteerGrain>(volunteerId).GetView())!.Suspended);
    }

    [Fact]
    public async Task Disabling_is_for_network_admins_only_and_leaves_a_volunteers_jobs_alone_when_refused()
    {
        var grains = world.Factory.Grains;
        var cora = await world.ActorOf(world.Coordinator);
        var val = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, "Val");
        var volunteerId = (await grains.GetGrain<IUserGrain>(IUserGrain.Key(val)).GetAccount())!.VolunteerId!.Value;
        var request = await Seed.Request(grains, Hub, "07700 900304");
        Assert.True((await (await world.As<DispatchService>(world.Coordinator)).Assign(Hub, request.Id, volunteerId, request.Version)).IsOk);

        var refused = await (await world.TeamAs(world.Coordinator)).SetDisabled(val, true);

        Assert.Equal((ResultStatus.Refused, Reason.NotPossibleHere), (refused.Status, refused.Reason));
        Assert.NotNull((await grains.GetGrain<IRequestGrain>(request.Id).GetView())!.HeldBy(volunteerId));
        Assert.False((await grains.GetGrain<IVolunteerGrain>(volunteerId).GetView())!.Suspended);
    }
}
