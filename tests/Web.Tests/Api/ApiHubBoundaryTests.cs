using System.Text.Json.Nodes;
using MutualAid.ApiTokens;
using static MutualAid.Web.Tests.Api.ApiClient;

namespace MutualAid.Web.Tests.Api;

/// <summary>
/// Two hubs started empty here, each with its own token: ids of the other hub's requests and
/// volunteers teach a caller nothing an id that names something of its own hub (or nothing) would not.
/// </summary>
public sealed class ApiHubBoundaryTests(TeamWorld world) : IClassFixture<TeamWorld>
{
    private static object NewRequest(Guid id) => new
    {
        id,
        category = "Food",
        urgency = "High",
        area = "Quay Street",
        need = "Bread",
        contact = new { name = "Jo", phone = "07700 900" + Random.Shared.Next(100, 999) },
    };

    /// <summary>The answer without what differs per call (the trace id).</summary>
    private static string Comparable(JsonElement body)
    {
        var node = JsonNode.Parse(body.GetRawText())!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }

    [Fact]
    public async Task Another_hubs_request_id_on_create_answers_as_any_taken_id_without_its_code_or_hub()
    {
        var grains = world.Factory.Grains;
        var (harbour, docks) = (await Seed.Hub(grains), await Seed.Hub(grains));
        var theirs = await Seed.Request(grains, harbour);
        var ours = await Seed.Request(grains, docks, phone: "07700 900456");
        using var client = await HubToken.Client(world.Factory, docks, ApiTokenScope.Dispatch);
        var path = $"/api/v1/hubs/{docks}/requests";

        var (status, problem, _) = await Send(client, HttpMethod.Post, path, NewRequest(theirs.Id), header: false);
        var (ownStatus, own, _) = await Send(client, HttpMethod.Post, path, NewRequest(ours.Id), header: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(nameof(Reason.IdTaken), problem.GetProperty("errors").GetProperty("id")[0].GetProperty("reason").GetString());
        Assert.DoesNotContain(theirs.ReferenceCode, problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(harbour, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal((ownStatus, Comparable(own)), (status, Comparable(problem)));
    }

    [Fact]
    public async Task A_create_repeated_with_its_own_id_still_answers_the_request_it_made()
    {
        var hub = await Seed.Hub(world.Factory.Grains);
        using var client = await HubToken.Client(world.Factory, hub, ApiTokenScope.Dispatch);
        var body = NewRequest(Guid.NewGuid());

        var (first, made, _) = await Send(client, HttpMethod.Post, $"/api/v1/hubs/{hub}/requests", body, header: false);
        var (again, repeat, _) = await Send(client, HttpMethod.Post, $"/api/v1/hubs/{hub}/requests", body, header: false);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first, again));
        Assert.Equal(made.GetProperty("referenceCode").GetString(), repeat.GetProperty("referenceCode").GetString());
    }

    [Fact]
    public async Task The_all_zero_id_is_refused_as_an_invalid_id()
    {
        var hub = await Seed.Hub(world.Factory.Grains);
        using var client = await HubToken.Client(world.Factory, hub, ApiTokenScope.Dispatch);

        var (status, problem, _) = await Send(client, HttpMethod.Post, $"/api/v1/hubs/{hub}/requests", NewRequest(Guid.Empty), header: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(nameof(Reason.IdAllZero), problem.GetProperty("errors").GetProperty("id")[0].GetProperty("reason").GetString());
        Assert.Null(await world.Factory.Grains.GetGrain<IRequestGrain>(Guid.Empty).GetView());
    }

    [Fact]
    public async Task Another_hubs_volunteer_on_assign_answers_as_an_unknown_volunteer()
    {
        var grains = world.Factory.Grains;
        var (harbour, docks) = (await Seed.Hub(grains), await Seed.Hub(grains));
        var request = await Seed.Request(grains, harbour);
        var vin = await Seed.Volunteer(grains, docks, "Vin");
        using var client = await HubToken.Client(world.Factory, harbour, ApiTokenScope.Dispatch);
        var path = $"/api/v1/requests/{request.Id}/assign";

        var (status, problem, _) = await Send(client, HttpMethod.Post, path, new { expectedVersion = request.Version, volunteerId = vin }, header: false);
        var (unknownStatus, unknown, _) = await Send(client, HttpMethod.Post, path, new { expectedVersion = request.Version, volunteerId = Guid.NewGuid() }, header: false);

        Assert.Equal((HttpStatusCode.NotFound, nameof(Reason.NoSuchVolunteer)), (unknownStatus, unknown.GetProperty("reason").GetString()));
        Assert.Equal((unknownStatus, Comparable(unknown)), (status, Comparable(problem)));
        Assert.DoesNotContain("Vin", problem.GetRawText(), StringComparison.Ordinal);
    }
}
