namespace MutualAid.Grains.Tests.Requests;

/// <summary>A command limited to a hub or to the caller's own jobs reaches nothing else, and learns nothing about it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ScopedCommandTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public void The_scope_and_version_every_command_inherits_cross_the_orleans_serializer()
    {
        // In one silo an immutable argument is passed by reference, so the cluster tests never serialize a command.
        using var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(VersionedCommand).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var volunteer = Guid.NewGuid();
        VersionedCommand[] commands =
        [
            new AssignCommand(7, Domain.Sam, volunteer, 2, "nearest") { Hub = "north", AsVolunteer = volunteer, OverrideLimits = "urgent" },
            new EditRequest(3, Domain.Ana, new RequestChanges { Need = "Bread" }) { Hub = "south" },
        ];

        foreach (var command in commands) Assert.Equal(command, serializer.Deserialize<VersionedCommand>(serializer.SerializeToArray(command)));
        var note = new AddNote(NoteKind.Called, "Rang back", false, Domain.Sam) { Hub = "north", AsVolunteer = volunteer };
        Assert.Equal(note, serializer.Deserialize<AddNote>(serializer.SerializeToArray(note)));
    }

    [Fact]
    public async Task A_command_for_another_hub_is_not_found_and_changes_nothing()
    {
        var (hub, request, grain) = await domain.HubWithRequest();

        var refused = await grain.Cancel(new RequestCommand(request.Version, Domain.Sam, "not ours") { Hub = Domain.NewSlug() });
        var stale = await grain.Triage(new TriageCommand(request.Version - 1, Domain.Sam) { Hub = Domain.NewSlug() });

        Assert.Equal((ResultStatus.NotFound, Reason.NotInHub), (refused.Status, refused.Reason));
        Assert.Equal((ResultStatus.NotFound, Reason.NotInHub), (stale.Status, stale.Reason)); // not a conflict naming who changed it
        Assert.Equal(request, await grain.GetView());
        var allowed = await grain.Cancel(new RequestCommand(request.Version, Domain.Sam, "sorted") { Hub = hub });
        Assert.True(allowed.IsOk, allowed.Message);
    }

    [Fact]
    public async Task A_volunteer_acting_as_themselves_reaches_only_their_own_jobs()
    {
        var (hub, mine, theirs, request, grain) = await domain.HubWithRequest("Ike", "Jay");
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, theirs.Id))).Value!;

        var refused = await grain.Accept(new RequestCommand(assigned.Version, Domain.Ana) { AsVolunteer = mine.Id });
        var claimForSomeoneElse = await domain.RequestGrain((await domain.NewRequest(hub)).Id)
            .Claim(new ClaimCommand(1, Domain.Ana, theirs.Id) { AsVolunteer = mine.Id });

        Assert.Equal((ResultStatus.NotFound, Reason.NotYours), (refused.Status, refused.Reason));
        Assert.Equal((ResultStatus.NotFound, Reason.NotYours), (claimForSomeoneElse.Status, claimForSomeoneElse.Reason));
        Assert.Equal(assigned, await grain.GetView());
        var accepted = await grain.Accept(new RequestCommand(assigned.Version, Domain.Ana) { AsVolunteer = theirs.Id });
        Assert.True(accepted.IsOk, accepted.Message);
    }

    [Fact]
    public async Task A_scoped_command_for_a_request_that_does_not_exist_is_answered_as_one_out_of_reach()
    {
        var (_, mine, theirs, request, grain) = await domain.HubWithRequest("Kit", "Lou");
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, theirs.Id))).Value!;
        var nothing = domain.RequestGrain(Guid.NewGuid());

        // A hub's staff, and a volunteer acting as themselves, cannot tell an id of nothing from another's.
        var otherHub = await grain.Cancel(new RequestCommand(assigned.Version, Domain.Sam, "not ours") { Hub = Domain.NewSlug() });
        var noHub = await nothing.Cancel(new RequestCommand(1, Domain.Sam, "not ours") { Hub = Domain.NewSlug() });
        var otherJob = await grain.Accept(new RequestCommand(assigned.Version, Domain.Ana) { AsVolunteer = mine.Id });
        var noJob = await nothing.Accept(new RequestCommand(1, Domain.Ana) { AsVolunteer = mine.Id });

        Assert.Equal((otherHub.Status, otherHub.Reason, otherHub.Message), (noHub.Status, noHub.Reason, noHub.Message));
        Assert.Equal((otherJob.Status, otherJob.Reason, otherJob.Message), (noJob.Status, noJob.Reason, noJob.Message));
        // Unscoped (a grain-side caller that owns the truth) still learns there is nothing there.
        Assert.Equal(Reason.NoSuchRequest, (await nothing.Cancel(new RequestCommand(1, Domain.Sam, "x"))).Reason);
    }
}
