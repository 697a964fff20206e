namespace MutualAid.Grains.Tests.Hosting;

/// <summary>
/// Grains read the clock Orleans names for grains, so a test can move their time without moving Orleans' own:
/// call timeouts, placement timeouts and activation collection keep real time. When they moved together, calls in
/// flight while a test advanced the clock by hours timed out (a hub's write among them, so the hub deactivated) and
/// placements were cancelled: the CI failure of 2026-12-03, seen only when the machine was slow.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class GrainClockTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Only_the_grains_and_their_reminders_read_the_test_clock()
    {
        var services = fixture.Cluster.SiloServices();
        Assert.Same(fixture.Clock, services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains));
        Assert.Same(fixture.Clock, services.GetRequiredKeyedService<TimeProvider>(Orleans.Reminders.ReminderTimeProviderNames.Reminders));
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>()); // placement's timeout reads this one
        foreach (var area in new[] { TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory })
        {
            Assert.Same(TimeProvider.System, services.GetRequiredKeyedService<TimeProvider>(area));
        }

        // And the grains do read it: a claim accepted now lapses once the test's clock passes its expiry.
        var (_, v, request, grain) = await domain.HubWithRequest("Rosa", urgency: Urgency.High);
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, v.Id))).Value!;
        var accepted = (await grain.Accept(new RequestCommand(assigned.Version, Domain.Ana))).Value!;
        fixture.Clock.Advance(accepted.Assignment!.ClaimExpiresAt!.Value - fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await grain.CheckClaim();
        Assert.Equal(RequestStatus.Triaged, (await grain.GetView())!.Status);
    }
}
