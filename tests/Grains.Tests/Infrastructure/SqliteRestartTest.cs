namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>
/// A test that stops a whole SQLite silo and starts another on the same file: its own folder,
/// removed afterwards. Tests deriving from it join <see cref="SqliteTestSilo.Collection"/>.
/// </summary>
public abstract class SqliteRestartTest(string name) : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"mutualaid-{name}-{Guid.NewGuid():N}");

    /// <summary>A silo on this test's file; the same <paramref name="serviceId"/> finds what an earlier start wrote.</summary>
    protected Task<TestCluster> Start(string serviceId)
    {
        SqliteTestSilo.DatabasePath = Path.Combine(folder, "mutualaid.db");
        return TestClusters.Start<SqliteTestSilo>(serviceId: serviceId);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
