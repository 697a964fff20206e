namespace MutualAid.Grains.Tests.Outages;

/// <summary>The memory store, except that writes of the chosen states can be made to fail (as a store outage would).</summary>
public sealed class BrokenStore(IGrainStorage inner) : IGrainStorage
{
    private int failed;
    private volatile bool failWrites;

    public bool FailWrites
    {
        get => failWrites;
        set => failWrites = value;
    }

    public int FailedWrites => Volatile.Read(ref failed);

    /// <summary>Whose writes fail: the boards' by default, whole and logged; a test names others (the outboxes', a region's).</summary>
    public IReadOnlySet<string> FailingStates { get; set; } = new HashSet<string> { "hub", "hub-log" };

    /// <summary>When set, only these grains' writes of the failing states fail (one volunteer's store, say, and not another's).</summary>
    public IReadOnlySet<GrainId>? OnlyGrains { get; set; }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailWrites && FailingStates.Contains(stateName) && (OnlyGrains is null || OnlyGrains.Contains(grainId)))
        {
            Interlocked.Increment(ref failed);
            throw new TimeoutException("The store is unavailable (test).");
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>A silo on the memory store behind a <see cref="BrokenStore"/>.</summary>
    public sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorageAsDeployed("inner");
            siloBuilder.Services.AddSingleton(sp => new BrokenStore(sp.GetRequiredKeyedService<IGrainStorage>("inner")));
            siloBuilder.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) => sp.GetRequiredService<BrokenStore>());
            siloBuilder.WithMemoryReminders(TimeProvider.System);
        }
    }
}
