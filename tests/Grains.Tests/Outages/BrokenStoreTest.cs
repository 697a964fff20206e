namespace MutualAid.Grains.Tests.Outages;

/// <summary>
/// A test class on its own cluster whose store a test breaks on purpose (<see cref="Store"/>): what
/// a command wrote must be kept and what it owes others delivered once the store is back. Its own
/// cluster, because a broken shared store would fail the other classes' tests.
/// </summary>
public abstract class BrokenStoreTest : IAsyncLifetime
{
    protected TestCluster Cluster { get; private set; } = null!;

    protected BrokenStore Store => Cluster.SiloServices().GetRequiredService<BrokenStore>();

    public async Task InitializeAsync() => Cluster = await TestClusters.Start<BrokenStore.Silo>();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
