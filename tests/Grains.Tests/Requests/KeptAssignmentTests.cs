using MutualAid.Grains.Tests.Hubs;

namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// An assignment the request has written is kept whatever happens after the write: the volunteer's
/// reservation stays (their limits keep counting the job) and the dispatcher hears it worked.
/// </summary>
public sealed class KeptAssignmentTests : IAsyncLifetime
{
    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestClusters.Start<Silo>();

    public async Task DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    private LostNoticeTests.BrokenHubStore Store => cluster.SiloServices().GetRequiredService<LostNoticeTests.BrokenHubStore>();

    [Fact]
    public async Task An_assignment_whose_network_withdrawal_fails_after_the_write_keeps_the_volunteer_reserved_and_answers_success()
    {
        var domain = new Domain(cluster.Client);
        var (region, north, _) = await domain.NewRegionWithTwoHubs();
        var volunteer = await domain.NewVolunteer(north, "Priya", maxAssignments: 1);
        var request = await domain.NewRequest(north, urgency: Urgency.Critical);
        var grain = domain.RequestGrain(request.Id);
        var escalated = (await grain.Escalate(new EscalateCommand(request.Version, Domain.Sam, region, "none free"))).Value!;
        var raised = (await grain.RaiseToNetwork(new RequestCommand(escalated.Version, Domain.Sam, "region has none"))).Value!;
        var reopened = (await grain.Reopen(new RequestCommand(raised.Version, Domain.Sam, "a driver turned up"))).Value!;
        Assert.True(reopened.RaisedToNetwork);

        // The assignment withdraws the raised need after its write; the network's store refuses that.
        Store.FailingStates = new HashSet<string> { "network" };
        Store.FailHubWrites = true;
        var assigned = await grain.Assign(new AssignCommand(reopened.Version, Domain.Sam, volunteer.Id));
        Store.FailHubWrites = false;

        Assert.True(assigned.IsOk);
        Assert.Equal(volunteer.Id, (await grain.GetView())!.Assignment?.VolunteerId);
        var held = (await cluster.Client.GetGrain<IVolunteerGrain>(volunteer.Id).GetView())!.Reservations;
        Assert.Contains(held, r => r.RequestId == request.Id);
    }

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorageAsDeployed("inner");
            siloBuilder.Services.AddSingleton(sp => new LostNoticeTests.BrokenHubStore(sp.GetRequiredKeyedService<IGrainStorage>("inner")));
            siloBuilder.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, _) => sp.GetRequiredService<LostNoticeTests.BrokenHubStore>());
            siloBuilder.WithMemoryReminders(TimeProvider.System);
        }
    }
}
