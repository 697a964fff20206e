namespace MutualAid.Grains.Tests.Hubs;

/// <summary>
/// Boards were stored (and their reminders kept) under the grain type Orleans derived from the old
/// class name, NeighbourhoodGrain; the renamed grain must still find them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HubIdentityTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_hub_grain_keeps_the_identity_its_board_is_stored_under()
    {
        var hub = fixture.Grains.GetGrain<IHubGrain>("identity-north");
        await hub.GetSettings(); // resolves the grain type through the cluster's manifest

        Assert.Equal("neighbourhood/identity-north", hub.GetGrainId().ToString());
    }
}
