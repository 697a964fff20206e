namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// Starting a series while the store refuses its write: nothing is half started, so starting it
/// again once the store is back works, and no moment leaves a written series without its reminder.
/// Runs on its own cluster because it breaks the series store on purpose.
/// </summary>
public sealed class SeriesStoreOutageTests : IAsyncLifetime
{
    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestClusters.Start<BrokenSeriesStoreSilo>();

    public async Task DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_series_whose_first_write_failed_is_not_started_and_can_be_begun_again()
    {
        var domain = new Domain(cluster.Client);
        var hub = await domain.NewHub();
        var store = cluster.SiloServices().GetRequiredService<Hubs.LostNoticeTests.BrokenHubStore>();
        var series = cluster.Client.GetGrain<IRequestSeriesGrain>(Guid.NewGuid());
        var pattern = Domain.Request(hub, phone: Domain.UniquePhone());

        store.FailHubWrites = true;
        await Assert.ThrowsAnyAsync<Exception>(() => series.Begin(pattern, RepeatEvery.Week));
        Assert.Null(await series.GetView()); // memory went back to what the store holds
        // Armed before the write: had the silo crashed here, the reminder would find no series, never the reverse.
        Assert.NotNull(await cluster.Reminders().ReadRow(series.GetGrainId(), "next"));

        store.FailHubWrites = false;
        var again = await series.Begin(pattern, RepeatEvery.Week);
        Assert.True(again.IsOk, again.Message);
        Assert.Single((await series.GetView())!.Occurrences);
        Assert.NotNull(await cluster.Reminders().ReadRow(series.GetGrainId(), "next"));
    }

    private sealed class BrokenSeriesStoreSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorageAsDeployed("inner");
            siloBuilder.Services.AddSingleton(sp => new Hubs.LostNoticeTests.BrokenHubStore(sp.GetRequiredKeyedService<IGrainStorage>("inner"))
            {
                FailingStates = new HashSet<string> { "series" },
            });
            siloBuilder.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) => sp.GetRequiredService<Hubs.LostNoticeTests.BrokenHubStore>());
            siloBuilder.WithMemoryReminders(TimeProvider.System);
        }
    }
}
