namespace MutualAid.Grains.Tests.Hubs;

/// <summary>
/// A board write that fails for good (the store is down longer than the hub's retries) loses the
/// notices of that batch from the board. The request and the volunteer see their notice fail and
/// send it again after a pause, so the board converges without anyone touching those entities.
/// Runs on its own cluster because it breaks the hub's store on purpose.
/// </summary>
public sealed class LostNoticeTests : IAsyncLifetime
{
    private TestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        cluster = await TestClusters.Start<BrokenHubStoreSilo>();
    }

    public async Task DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task Changes_a_board_lost_to_a_failed_write_reach_it_once_the_store_is_back()
    {
        var domain = new Domain(cluster.Client);
        var hub = await domain.NewHub();
        var store = cluster.SiloServices().GetRequiredService<BrokenHubStore>();

        store.FailHubWrites = true;
        var request = await domain.NewRequest(hub);
        var volunteer = await domain.NewVolunteer(hub, "Lost Volunteer");
        // The hub gives up on its batch (after its retries) and drops the activation whose memory is
        // ahead of the store; a new one cannot even start while the store refuses writes.
        await Wait.Until(async () =>
        {
            try
            {
                await domain.Hub(hub).GetSummary();
                return false;
            }
            catch (OrleansException ex) when (ex.InnerException is TimeoutException)
            {
                return true; // the new activation's first write was refused: the old one is gone
            }
        }, "the hub to drop its activation", 30);
        store.FailHubWrites = false;

        var reloaded = await domain.Hub(hub).GetSnapshot();
        Assert.DoesNotContain(reloaded.Requests, r => r.Id == request.Id); // really lost from the board's store
        Assert.DoesNotContain(reloaded.Volunteers, v => v.Id == volunteer.Id);

        var board = await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id) && b.Volunteers.Any(v => v.Id == volunteer.Id), TimeSpan.FromSeconds(60));
        Assert.Equal(request.Version, board.Requests.Single(r => r.Id == request.Id).Version);
    }

    /// <summary>The memory store, except that hub board writes can be made to fail (as a store outage would).</summary>
    public sealed class BrokenHubStore(IGrainStorage inner) : IGrainStorage
    {
        private int failed;
        private volatile bool failHubWrites;

        public bool FailHubWrites
        {
            get => failHubWrites;
            set => failHubWrites = value;
        }

        public int FailedHubWrites => Volatile.Read(ref failed);

        /// <summary>Whose writes fail: the boards' by default, whole and logged (another test breaks the outboxes').</summary>
        public IReadOnlySet<string> FailingStates { get; set; } = new HashSet<string> { "hub", "hub-log" };

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (FailHubWrites && FailingStates.Contains(stateName))
            {
                Interlocked.Increment(ref failed);
                throw new TimeoutException("The store is unavailable (test).");
            }

            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }

    private sealed class BrokenHubStoreSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorageAsDeployed("inner");
            siloBuilder.Services.AddSingleton(sp => new BrokenHubStore(sp.GetRequiredKeyedService<IGrainStorage>("inner")));
            siloBuilder.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) => sp.GetRequiredService<BrokenHubStore>());
            siloBuilder.WithMemoryReminders(TimeProvider.System);
        }
    }
}
