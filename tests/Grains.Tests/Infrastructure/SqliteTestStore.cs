namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>
/// The embedded grain store on a file of its own under the temp folder, opened directly or by whole
/// silos started and stopped on it; removed with everything it opened.
/// </summary>
public sealed class SqliteTestStore : IAsyncDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly List<SqliteGrainStorage> opened = [];

    /// <summary>This test's own folder; the file lies one folder down, in <see cref="Folder"/>, so a test can see what the store makes of a folder it did not create.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mutualaid-store-" + Guid.NewGuid().ToString("N"));

    public string Folder => Path.Combine(Root, "data");

    public string DatabasePath => Path.Combine(Folder, "mutualaid.db");

    /// <summary>
    /// A whole silo on this file, state and reminders. Give the same <paramref name="serviceId"/> to a
    /// later start that must find what this one wrote, as after a restart.
    /// </summary>
    public Task<TestCluster> StartSilo(string serviceId) => StartSilo<SqliteTestSilo>(serviceId);

    /// <summary>As <see cref="StartSilo(string)"/>, set up by a configurator of the test's own that reads <see cref="SqliteTestSilo.DatabasePath"/>.</summary>
    public Task<TestCluster> StartSilo<TSilo>(string serviceId) where TSilo : ISiloConfigurator, new()
    {
        SqliteTestSilo.DatabasePath = DatabasePath;
        return TestClusters.Start<TSilo>(serviceId: serviceId);
    }

    /// <summary>The store as a silo opens it, with the Orleans serializer the silo writes state with.</summary>
    public async Task<SqliteGrainStorage> Open()
    {
        var storage = new SqliteGrainStorage("test", new SqliteGrainStorageOptions { DatabasePath = DatabasePath },
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
            Options.Create(new ClusterOptions { ServiceId = "svc" }), NullLogger<SqliteGrainStorage>.Instance);
        await storage.Init();
        opened.Add(storage);
        return storage;
    }

    /// <summary>What the file holds for one of a grain's states, read as a silo started afresh would.</summary>
    public async Task<T> Read<T>(string stateName, GrainId grain) => (await ReadRecord<T>(stateName, grain)).State!;

    /// <summary>As <see cref="Read{T}"/>, with the record's etag (the store's count of its writes).</summary>
    public async Task<GrainState<T>> ReadRecord<T>(string stateName, GrainId grain)
    {
        var read = new GrainState<T>();
        await (await Open()).ReadStateAsync(stateName, grain, read);
        return read;
    }

    /// <summary>Writes state in a shape the product stored once, as a silo of that version did.</summary>
    public async Task Write<TThen>(string stateName, GrainId grain, TThen then) =>
        await (await Open()).WriteStateAsync(stateName, grain, new GrainState<TThen>(then));

    /// <summary>
    /// Writes state in a shape the product stored once and reads it back as today's type, from a
    /// store opened afresh, as a silo started after an upgrade would.
    /// </summary>
    public async Task<TNow> WrittenAsReadAs<TThen, TNow>(string stateName, GrainId grain, TThen then)
    {
        await Write(stateName, grain, then);
        var read = new GrainState<TNow>();
        await (await Open()).ReadStateAsync(stateName, grain, read);
        Assert.True(read.RecordExists);
        return read.State!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened) await store.DisposeAsync();
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
