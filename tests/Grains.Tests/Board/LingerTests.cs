namespace MutualAid.Grains.Tests.Board;

/// <summary>
/// Issue 18: a volunteer's own notice and the request notice that follows it (assign, fulfil) reach
/// every board as one version, not two sent one after the other.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LingerTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_volunteer_change_and_the_request_change_right_after_it_are_one_delta_and_both_callers_hear_once_it_is_kept()
    {
        var hub = await domain.NewHub();
        await domain.NewVolunteer(hub, "Priya");
        var request = await domain.NewRequest(hub);
        var before = await domain.WaitForBoard(hub, b => b.Volunteers.Count == 1 && b.Requests.Any(r => r.Id == request.Id));
        var (observer, reference, initial) = await TestBoardObserver.Subscribe(fixture.Grains, hub);
        var volunteer = before.Volunteers[0];
        var row = before.Requests.Single(r => r.Id == request.Id);

        // As the request grain does it: the volunteer's notice first, the request's a moment later.
        var volunteerKept = domain.Hub(hub).VolunteerChanged(volunteer with { Version = volunteer.Version + 1, Name = "Priya B" });
        await domain.Hub(hub).RequestChanged(new RequestNotice(row with { Version = row.Version + 1, Area = "Market square" }, null));
        await volunteerKept;

        var after = await domain.Hub(hub).GetSnapshot();
        Assert.Equal("Priya B", after.Volunteers.Single().Name);
        Assert.Equal("Market square", after.Requests.Single(r => r.Id == request.Id).Area);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((observer.Deltas.LastOrDefault()?.Version ?? 0) < after.Version && DateTime.UtcNow < deadline) await Task.Delay(20);
        var delta = Assert.Single(observer.Deltas);
        Assert.Equal(initial.Version + 1, delta.Version);
        Assert.Contains(delta.Changes, c => c is VolunteerUpserted { Volunteer.Name: "Priya B" });
        Assert.Contains(delta.Changes, c => c is RequestUpserted { Request.Area: "Market square" });
        await domain.Hub(hub).Unsubscribe(reference);
    }

    [Fact]
    public async Task A_volunteer_change_alone_is_still_kept_and_published_after_the_short_wait()
    {
        var hub = await domain.NewHub();
        await domain.NewVolunteer(hub, "Tom");
        var before = await domain.WaitForBoard(hub, b => b.Volunteers.Count == 1);
        var (observer, reference, initial) = await TestBoardObserver.Subscribe(fixture.Grains, hub);
        var volunteer = before.Volunteers[0];

        await domain.Hub(hub).VolunteerChanged(volunteer with { Version = volunteer.Version + 1, Name = "Tom R" });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (observer.Deltas.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(20);
        var delta = Assert.Single(observer.Deltas);
        Assert.Equal(initial.Version + 1, delta.Version);
        Assert.Equal("Tom R", Assert.IsType<VolunteerUpserted>(Assert.Single(delta.Changes)).Volunteer.Name);
        await domain.Hub(hub).Unsubscribe(reference);
    }
}
