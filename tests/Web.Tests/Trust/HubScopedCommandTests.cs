namespace MutualAid.Web.Tests.Trust;

/// <summary>
/// The services authorise on the hub the caller names and send that hub with the command, so a
/// dispatcher of one hub cannot reach another hub's request by naming their own hub: the request
/// grain answers NotFound (NotInHub) and changes nothing.
/// </summary>
public sealed class HubScopedCommandTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    [Fact]
    public async Task A_dispatcher_of_hub_A_naming_hub_A_cannot_change_a_request_of_hub_B()
    {
        var grains = world.Factory.Grains;
        var request = await Seed.Request(grains, world.B, phone: "07700 4" + Random.Shared.Next(10000, 99999));
        var volunteer = await Seed.Volunteer(grains, world.B, "Bea");
        var dispatch = await world.As<DispatchService>("dispatcher"); // a dispatcher of hub A only

        var attempts = new[]
        {
            await dispatch.Triage(world.A, request.Id, request.Version, Urgency.Critical),
            await dispatch.Assign(world.A, request.Id, volunteer, request.Version),
            await dispatch.Cancel(world.A, request.Id, request.Version, "not mine to cancel"),
        };

        Assert.All(attempts, result =>
        {
            Assert.Equal(ResultStatus.NotFound, result.Status);
            Assert.Equal(Reason.NotInHub, result.Reason);
        });
        var after = (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!;
        Assert.Equal(request.Version, after.Version);
        Assert.Equal(RequestStatus.New, after.Status);
        Assert.Null(after.Assignment);
    }

    [Fact]
    public async Task Naming_a_hub_the_dispatcher_does_not_work_on_is_refused_before_any_grain_is_asked()
    {
        var request = await Seed.Request(world.Factory.Grains, world.B, phone: "07700 3" + Random.Shared.Next(10000, 99999));
        var dispatch = await world.As<DispatchService>("dispatcher");

        var result = await dispatch.Cancel(world.B, request.Id, request.Version, "not mine to cancel");

        Assert.Equal(ResultStatus.Refused, result.Status);
        Assert.Equal(Reason.NotADispatcher, result.Reason);
        Assert.Equal(RequestStatus.New, (await world.Factory.Grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Status);
    }
}
