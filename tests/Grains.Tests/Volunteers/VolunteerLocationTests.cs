namespace MutualAid.Grains.Tests.Volunteers;

/// <summary>A volunteer's home location is private: the board (and so the map) only ever gets a ~1 km cell.</summary>
[Collection(ClusterCollection.Name)]
public sealed class VolunteerLocationTests(ClusterFixture fixture)
{
    private static readonly GeoPoint Home = new(51.523456, -0.087654);
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task The_board_shows_only_the_snapped_location_of_a_volunteer_never_the_exact_one()
    {
        var hub = await domain.NewHub();
        var id = Guid.NewGuid();
        var registered = await fixture.Grains.GetGrain<IVolunteerGrain>(id).Register(Domain.Volunteer(hub, "Noor") with { Location = Home }, Domain.Sam);
        Assert.True(registered.IsOk, registered.Message);

        var board = await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == id));
        var shown = board.Volunteers.Single(v => v.Id == id).ApproximateLocation;

        Assert.Equal(new GeoPoint(51.52, -0.09), shown);
        Assert.Equal(Home.Approximate(), shown);
        Assert.NotEqual(Home, shown);
        Assert.Equal(Home, registered.Value!.Profile.Location); // the private view keeps it for the volunteer and coordinators
        Assert.Equal(shown, registered.Value.Redact().ApproximateLocation);
    }

    [Fact]
    public async Task Moving_follows_on_the_board_and_clearing_the_location_takes_the_volunteer_off_the_map()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Ike");
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(v.Id);
        Assert.Null((await domain.WaitForBoard(hub, b => b.Volunteers.Any(x => x.Id == v.Id))).Volunteers.Single(x => x.Id == v.Id).ApproximateLocation);

        var moved = new GeoPoint(51.5563, -0.1137);
        Assert.True((await grain.UpdateProfile(Domain.Volunteer(hub, "Ike") with { Location = moved }, Domain.Sam)).IsOk);
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(x => x.Id == v.Id && x.ApproximateLocation == new GeoPoint(51.56, -0.11)));

        Assert.True((await grain.UpdateProfile(Domain.Volunteer(hub, "Ike"), Domain.Sam)).IsOk);
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(x => x.Id == v.Id && x.ApproximateLocation is null));
    }

    [Fact]
    public async Task Out_of_range_coordinates_are_refused()
    {
        var hub = await domain.NewHub();
        var result = await fixture.Grains.GetGrain<IVolunteerGrain>(Guid.NewGuid())
            .Register(Domain.Volunteer(hub) with { Location = new GeoPoint(95, 0) }, Domain.Sam);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["Location"], result.Errors.Select(e => e.Field));
    }
}
