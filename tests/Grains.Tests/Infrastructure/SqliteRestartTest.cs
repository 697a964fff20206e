namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>
/// A test that stops a whole SQLite silo and starts another on the same file (see
/// <see cref="SqliteTestStore"/>, which removes the file afterwards), or reads and writes the file
/// itself. Tests deriving from it that start silos join <see cref="SqliteTestSilo.Collection"/>.
/// </summary>
public abstract class SqliteRestartTest : IAsyncDisposable
{
    /// <summary>This test's file, to start silos on and to read or write stored state directly.</summary>
    protected SqliteTestStore Store { get; } = new();

    /// <summary>A silo on this test's file; the same <paramref name="serviceId"/> finds what an earlier start wrote.</summary>
    protected Task<TestCluster> Start(string serviceId) => Store.StartSilo(serviceId);

    /// <summary>As <see cref="Start(string)"/>, set up by a configurator of the test's own.</summary>
    protected Task<TestCluster> Start<TSilo>(string serviceId) where TSilo : ISiloConfigurator, new() => Store.StartSilo<TSilo>(serviceId);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
