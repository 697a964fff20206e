namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>
/// A test that stops a whole SQLite silo and starts another on the same file (see
/// <see cref="SqliteTestStore"/>, which removes the file afterwards). Tests deriving from it join
/// <see cref="SqliteTestSilo.Collection"/>.
/// </summary>
public abstract class SqliteRestartTest : IAsyncDisposable
{
    private readonly SqliteTestStore files = new();

    /// <summary>A silo on this test's file; the same <paramref name="serviceId"/> finds what an earlier start wrote.</summary>
    protected Task<TestCluster> Start(string serviceId) => files.StartSilo(serviceId);

    /// <summary>As <see cref="Start(string)"/>, set up by a configurator of the test's own.</summary>
    protected Task<TestCluster> Start<TSilo>(string serviceId) where TSilo : ISiloConfigurator, new() => files.StartSilo<TSilo>(serviceId);

    public async ValueTask DisposeAsync()
    {
        await files.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
