namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>How every fixture and test starts its in-process cluster, and what every test silo shares.</summary>
public static class TestClusters
{
    /// <summary>
    /// A deployed cluster of <paramref name="silos"/> silos set up by <typeparamref name="TSilo"/>.
    /// Give a <paramref name="serviceId"/> when a later start must find the state this one wrote:
    /// state is keyed by service id, and a TestCluster otherwise invents a new one each start.
    /// </summary>
    public static async Task<TestCluster> Start<TSilo>(short silos = 1, string? serviceId = null)
        where TSilo : ISiloConfigurator, new()
    {
        var builder = new TestClusterBuilder(silos);
        if (serviceId is not null) builder.Options.ServiceId = serviceId;
        builder.AddSiloBuilderConfigurator<TSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The services of the cluster's first silo (every test cluster runs in process).</summary>
    public static IServiceProvider SiloServices(this TestCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Primary is InProcessSiloHandle silo ? silo.SiloHost.Services : throw new InvalidOperationException("in-process silo expected");
    }

    /// <summary>The reminder table of the cluster's first silo, where a test reads what a grain armed (or did not).</summary>
    public static IReminderTable Reminders(this TestCluster cluster) => cluster.SiloServices().GetRequiredService<IReminderTable>();

    /// <summary>A grain's state as the default store holds it, read behind the grain's back.</summary>
    public static async Task<GrainState<TState>> Stored<TState>(this TestCluster cluster, string stateName, GrainId grain)
    {
        var stored = new GrainState<TState>();
        await cluster.SiloServices().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).ReadStateAsync(stateName, grain, stored);
        return stored;
    }

    /// <summary>
    /// In-memory reminders that may wake hubs for their notices, and the clock the grains and their reminders read.
    /// Only those two: Orleans' own clocks (placement timeouts, activation collection, messaging) stay real, or a
    /// test advancing a fake clock by hours would time out a placement in flight and collect every activation.
    /// </summary>
    public static ISiloBuilder WithMemoryReminders(this ISiloBuilder siloBuilder, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        siloBuilder.UseInMemoryReminderService().AllowHubNoticeReminders();
        siloBuilder.Services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
        siloBuilder.Services.AddKeyedSingleton(Orleans.Reminders.ReminderTimeProviderNames.Reminders, clock);
        return siloBuilder;
    }

    /// <summary>
    /// Memory storage writing state as the app stores it (Orleans' binary format, see MutualAidHostingExtensions),
    /// so a reactivation reads back what was written; the provider's default JSON cannot read every type it writes.
    /// </summary>
    public static ISiloBuilder AddMemoryGrainStorageAsDeployed(this ISiloBuilder siloBuilder, string name = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME) =>
        siloBuilder.AddMemoryGrainStorage(name, o => o.Configure<Orleans.Serialization.Serializer>(MutualAidHostingExtensions.UseOrleansBinary));
}

/// <summary>A cluster shared by a test collection: started once before its tests, stopped after.</summary>
public abstract class ClusterFixtureBase<TSilo>(short silos = 1) : IAsyncLifetime
    where TSilo : ISiloConfigurator, new()
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await TestClusters.Start<TSilo>(silos);

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
