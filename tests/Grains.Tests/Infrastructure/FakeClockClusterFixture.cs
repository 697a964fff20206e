namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>
/// A one-silo cluster whose grains read a fake clock, for rules that depend on time passing
/// (expiry, lockout). Tests in its collection run one at a time, so advancing the clock is safe.
/// </summary>
public sealed class FakeClockClusterFixture() : ClusterFixtureBase<FakeClockClusterFixture.FakeClockSilo>
{
    // Silo configurators are created by type, so the clock they register has to be reachable statically.
    private static readonly FakeTimeProvider SharedClock = new(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

#pragma warning disable CA1822 // an instance member so tests reach the clock through their fixture
    public FakeTimeProvider Clock => SharedClock;
#pragma warning restore CA1822

    public sealed class FakeClockSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorageAsDeployed().WithMemoryReminders(SharedClock);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FakeClockCollection : ICollectionFixture<FakeClockClusterFixture>
{
    public const string Name = "fake-clock";
}
