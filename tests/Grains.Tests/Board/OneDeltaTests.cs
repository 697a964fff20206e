namespace MutualAid.Grains.Tests.Board;

/// <summary>
/// Issue 18 item 4: an assignment and a delivery change the request and the volunteer's load, and
/// a board watched by a thousand tabs should send that as one delta, not two. The request's notice
/// carries the volunteer's new row; the volunteer owes that hub its own notice and sends it later,
/// which the hub already has. One delta follows from the order of the calls, not from timing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OneDeltaTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task An_assignment_and_a_delivery_each_reach_a_watching_board_as_one_delta_and_the_volunteers_own_resend_adds_none()
    {
        var (hub, priya, request, grain) = await domain.HubWithRequest("Priya");
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == priya.Id) && b.Requests.Any(r => r.Id == request.Id));
        var (observer, reference, _) = await TestBoardObserver.Subscribe(fixture.Grains, hub);
        var volunteer = fixture.Grains.GetGrain<IVolunteerGrain>(priya.Id);

        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, priya.Id, 1.5))).Value!;
        var reserved = (await volunteer.GetView())!;
        var delta = await OnlyDeltaWith(observer, request.Id, assigned.Version, priya.Id, reserved.Version);
        Assert.Equal(assigned.Version, Assert.Single(delta.Changes.OfType<RequestUpserted>()).Request.Version);
        var row = Assert.Single(delta.Changes.OfType<VolunteerUpserted>()).Volunteer;
        Assert.Equal((reserved.Version, 1), (row.Version, row.ActiveAssignments));
        Assert.Equal([request.Id], row.ActiveRequestIds);

        // The volunteer's own notice to this hub goes after the first retry; once it has been
        // answered the volunteer disarms its notice reminder. The board already had that version.
        var version = (await domain.Hub(hub).GetSnapshot()).Version;
        await VolunteerHasDelivered(priya.Id);
        Assert.Equal(version, (await domain.Hub(hub).GetSnapshot()).Version);
        Assert.Single(observer.Deltas);

        var started = (await grain.Start(new RequestCommand(assigned.Version, Domain.Sam))).Value!;
        await Wait.Until(() => observer.Deltas.Any(d => d.Changes.OfType<RequestUpserted>().Any(u => u.Request.Version == started.Version)), "the start on the board");
        var before = observer.Deltas.Count;

        var fulfilled = (await grain.Fulfil(new FulfilCommand(started.Version, Domain.Sam, 2))).Value!;
        var completed = (await volunteer.GetView())!;
        await Wait.Until(() => observer.Deltas.Any(d => d.Changes.OfType<VolunteerUpserted>().Any(u => u.Volunteer.Version == completed.Version)), "the volunteer's delivery on the board");
        var delivered = Assert.Single(observer.Deltas.Skip(before));
        Assert.Equal(request.Id, Assert.Single(delivered.Changes.OfType<RequestRemoved>()).RequestId);
        var done = Assert.Single(delivered.Changes.OfType<VolunteerUpserted>()).Volunteer;
        Assert.Equal((0, 2.0), (done.ActiveAssignments, done.HoursThisWeek));
        Assert.Equal(RequestStatus.Fulfilled, fulfilled.Status);

        version = (await domain.Hub(hub).GetSnapshot()).Version;
        await VolunteerHasDelivered(priya.Id);
        Assert.Equal(version, (await domain.Hub(hub).GetSnapshot()).Version);
        Assert.Equal(before + 1, observer.Deltas.Count);
        await domain.Hub(hub).Unsubscribe(reference);
    }

    [Fact]
    public async Task A_volunteer_of_two_hubs_assigned_in_one_tells_the_other_with_its_own_delta()
    {
        var home = await domain.NewHub();
        var other = await domain.NewHub();
        var result = await fixture.Grains.GetGrain<IVolunteerGrain>(Guid.NewGuid()).Register(Domain.Volunteer(home, "Tom") with { HubSlugs = [home, other] }, Domain.Sam);
        var tom = result.Value!;
        var request = await domain.NewRequest(home);
        await domain.WaitForBoard(other, b => b.Volunteers.Any(v => v.Id == tom.Id));
        await domain.WaitForBoard(home, b => b.Volunteers.Any(v => v.Id == tom.Id) && b.Requests.Any(r => r.Id == request.Id));
        var (atOther, reference, _) = await TestBoardObserver.Subscribe(fixture.Grains, other);

        await domain.RequestGrain(request.Id).Assign(new AssignCommand(request.Version, Domain.Sam, tom.Id, 1));
        var reserved = (await fixture.Grains.GetGrain<IVolunteerGrain>(tom.Id).GetView())!;

        await Wait.Until(() => !atOther.Deltas.IsEmpty, "the other hub's board to hear of Tom's new load");
        var delta = Assert.Single(atOther.Deltas);
        var row = Assert.Single(delta.Changes.OfType<VolunteerUpserted>()).Volunteer;
        Assert.Equal((reserved.Version, 1), (row.Version, row.ActiveAssignments));
        Assert.Single(delta.Changes); // the request is not this board's
        await domain.Hub(other).Unsubscribe(reference);
    }

    [Fact]
    public async Task A_reservation_whose_request_never_tells_the_board_still_reaches_it_from_the_volunteer()
    {
        // As if the request grain died between the volunteer's reservation and its own notice.
        var hub = await domain.NewHub();
        var ana = await domain.NewVolunteer(hub, "Ana");
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == ana.Id));
        var volunteer = fixture.Grains.GetGrain<IVolunteerGrain>(ana.Id);
        var orphan = Guid.NewGuid();

        var reserved = await volunteer.Reserve(orphan, hub, 1);
        Assert.True(reserved.IsOk, reserved.Message);
        Assert.Equal(1, reserved.Value!.Volunteer!.ActiveAssignments); // handed to the request for its notice
        var board = await domain.WaitForBoard(hub, b => b.Volunteers.Single(v => v.Id == ana.Id).ActiveRequestIds.Contains(orphan));
        Assert.Equal(reserved.Value.Volunteer.Version, board.Volunteers.Single(v => v.Id == ana.Id).Version);

        var row = await volunteer.CompleteWithRow(orphan, 1);
        Assert.Equal(0, row!.ActiveAssignments);
        board = await domain.WaitForBoard(hub, b => b.Volunteers.Single(v => v.Id == ana.Id).Version == row.Version);
        Assert.Equal(1.0, board.Volunteers.Single(v => v.Id == ana.Id).HoursThisWeek);
    }

    [Fact]
    public async Task A_carried_row_and_the_request_each_keep_their_own_version_rule()
    {
        var (hub, priya, request, _) = await domain.HubWithRequest("Priya");
        var board = await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == priya.Id) && b.Requests.Any(r => r.Id == request.Id));
        var summary = board.Requests.Single(r => r.Id == request.Id);
        var row = board.Volunteers.Single(v => v.Id == priya.Id);

        // A repeated request version still brings a newer row it carries.
        var newer = row with { Version = row.Version + 1, OnDuty = false };
        await domain.Hub(hub).RequestChanged(new RequestNotice(summary, null) { Volunteers = [newer] });
        board = await domain.Hub(hub).GetSnapshot();
        Assert.False(board.Volunteers.Single(v => v.Id == priya.Id).OnDuty);

        // An older row is skipped while the request's new version is applied; nothing new writes nothing.
        await domain.Hub(hub).RequestChanged(new RequestNotice(summary with { Version = summary.Version + 1 }, null) { Volunteers = [row] });
        board = await domain.Hub(hub).GetSnapshot();
        Assert.Equal((summary.Version + 1, false), (board.Requests.Single(r => r.Id == request.Id).Version, board.Volunteers.Single(v => v.Id == priya.Id).OnDuty));
        await domain.Hub(hub).RequestChanged(new RequestNotice(summary, null) { Volunteers = [newer] });
        Assert.Equal(board.Version, (await domain.Hub(hub).GetSnapshot()).Version);
    }

    /// <summary>Waits for the board's change of this request and volunteer, and answers it as the one delta the observer got.</summary>
    private static async Task<BoardDelta> OnlyDeltaWith(TestBoardObserver observer, Guid request, int requestVersion, Guid volunteer, int volunteerVersion)
    {
        await Wait.Until(
            () => observer.Deltas.Any(d => d.Changes.OfType<RequestUpserted>().Any(u => u.Request.Id == request && u.Request.Version == requestVersion))
               && observer.Deltas.Any(d => d.Changes.OfType<VolunteerUpserted>().Any(u => u.Volunteer.Id == volunteer && u.Volunteer.Version == volunteerVersion)),
            () => $"the request v{requestVersion} and the volunteer v{volunteerVersion} on the board ({observer.Deltas.Count} delta(s) so far)");
        return Assert.Single(observer.Deltas);
    }

    /// <summary>The volunteer removes its notice reminder only once every board has answered its latest notice.</summary>
    private async Task VolunteerHasDelivered(Guid volunteer)
    {
        var id = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer).GetGrainId();
        await Wait.Until(async () => await fixture.Cluster.Reminders().ReadRow(id, "hub-notice") is null, "the volunteer's notices to be answered", 20);
    }
}
