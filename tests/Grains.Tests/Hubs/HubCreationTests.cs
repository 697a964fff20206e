namespace MutualAid.Grains.Tests.Hubs;

/// <summary>
/// Making a hub never remakes one: an administrator who types a hub's name again must not put its
/// number, areas, zone and deadlines back to the defaults in the middle of a response.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HubCreationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Creating_a_hub_that_exists_is_refused_and_changes_nothing()
    {
        var slug = $"made-{Guid.NewGuid():N}"[..20];
        var hub = fixture.Grains.GetGrain<IHubGrain>(slug);
        var created = await hub.Create(new HubSettings("Mill", "east") { TimeZoneId = "Asia/Tokyo" }, Domain.Sam);
        Assert.True(created.IsOk, created.Message);
        var kept = (await hub.GetSettings())! with { Areas = [new NamedArea("Riverside", new GeoPoint(51.5, -0.1))] };
        Assert.True((await hub.Configure(kept, Domain.Sam)).IsOk);

        var again = await hub.Create(new HubSettings("Mill again", "east"), Domain.Sam);

        Assert.Equal((ResultStatus.Refused, Reason.HubExists), (again.Status, again.Reason));
        var settings = (await hub.GetSettings())!;
        Assert.Equal(("Mill", "Asia/Tokyo", "Riverside"), (settings.Name, settings.TimeZoneId, Assert.Single(settings.Areas!).Name));
    }

    [Fact]
    public async Task A_new_hub_is_created_in_the_zone_it_is_given_and_an_unknown_zone_is_refused()
    {
        var slug = $"zoned-{Guid.NewGuid():N}"[..20];
        var hub = fixture.Grains.GetGrain<IHubGrain>(slug);

        var unknown = await hub.Create(new HubSettings("Zoned", "east") { TimeZoneId = "Mars/Olympus_Mons" }, Domain.Sam);

        Assert.Equal(ResultStatus.Invalid, unknown.Status);
        Assert.Null(await hub.GetSettings());
        Assert.True((await hub.Create(new HubSettings("Zoned", "east") { TimeZoneId = "America/Sao_Paulo" }, Domain.Sam)).IsOk);
        Assert.Equal("America/Sao_Paulo", (await hub.GetSettings())!.TimeZoneId);
    }
}
