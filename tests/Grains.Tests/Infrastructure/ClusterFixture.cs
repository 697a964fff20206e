namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>A real two-silo Orleans cluster (in process) with memory storage, shared by a test collection.</summary>
public sealed class ClusterFixture() : ClusterFixtureBase<ClusterFixture.MemorySilo>(2)
{
    public sealed class MemorySilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorageAsDeployed().WithMemoryReminders(TimeProvider.System);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
