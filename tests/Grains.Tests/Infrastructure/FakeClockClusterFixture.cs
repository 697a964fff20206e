namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>
/// A one-silo cluster whose grains read a fake clock, for rules that depend on time passing
/// (expiry, lockout). Tests in its collection run one at a time, so advancing the clock is safe.
/// </summary>
public sealed class FakeClockClusterFixture : IAsyncLifetime
{
    // Silo configurators are created by type, so the clock they register has to be reachable statically.
    private static readonly FakeTimeProvider SharedClock = new(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

#pragma warning disable CA1822 // an instance member so tests reach the clock through their fixture
    public FakeTimeProvider Clock => SharedClock;
#pragma warning restore CA1822

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<FakeClockSilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class FakeClockSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorageAsDefault();
            siloBuilder.UseInMemoryReminderService().AllowHubNoticeReminders();
            siloBuilder.Services.AddSingleton<TimeProvider>(SharedClock);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FakeClockCollection : ICollectionFixture<FakeClockClusterFixture>
{
    public const string Name = "fake-clock";
}
