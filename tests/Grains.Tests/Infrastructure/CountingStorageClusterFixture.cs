namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>
/// A one-silo cluster whose default store counts the writes of every grain and state, so a test can
/// hold a grain to its "one state write per command" promise.
/// </summary>
public sealed class CountingStorageClusterFixture() : ClusterFixtureBase<CountingStorageClusterFixture.CountingSilo>
{
    // Silo configurators are created by type, so the counts have to be reachable statically.
    private static readonly ConcurrentDictionary<(GrainId Grain, string State), int> Counts = new();

#pragma warning disable CA1822 // instance members so tests reach the counts through their fixture
    /// <summary>Writes of every state of <paramref name="grain"/>.</summary>
    public int WritesOf(GrainId grain) => Counts.Where(c => c.Key.Grain == grain).Sum(c => c.Value);

    /// <summary>Writes of the state <paramref name="grain"/> names <paramref name="state"/> (its <c>[PersistentState]</c> name).</summary>
    public int WritesOf(GrainId grain, string state) => Counts.GetValueOrDefault((grain, state));
#pragma warning restore CA1822

    public sealed class CountingSilo : ISiloConfigurator
    {
        private const string Inner = "uncounted";

        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorageAsDeployed(Inner);
            siloBuilder.Services.AddGrainStorage(
                ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
                (services, _) => new CountingStorage(services.GetRequiredKeyedService<IGrainStorage>(Inner)));
            siloBuilder.WithMemoryReminders(TimeProvider.System);
        }
    }

    private sealed class CountingStorage(IGrainStorage inner) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Counts.AddOrUpdate((grainId, stateName), 1, (_, n) => n + 1);
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}

[CollectionDefinition(Name)]
public sealed class CountingStorageCollection : ICollectionFixture<CountingStorageClusterFixture>
{
    public const string Name = "counting-storage";
}
