using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static MutualAid.Web.Tests.Api.ApiClient;

namespace MutualAid.Web.Tests.Api;

/// <summary>
/// The OpenAPI document against the endpoints: every /api/v1 endpoint is in it, and every status it
/// documents for an endpoint is produced here by a call to that endpoint. 503 (the cluster
/// recovering) cannot be caused through the factory's single silo on demand; ApiTests produces it
/// through the same answer path every endpoint uses.
/// </summary>
public sealed class ApiDocumentTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static readonly string[] Actions = ["triage", "assign", "unassign", "start", "fulfil", "cancel", "escalate", "reopen"];

    [Fact]
    public async Task Every_endpoint_is_documented_and_every_documented_status_is_produced()
    {
        using var anonymous = await world.Client("anonymous");
        var document = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Method: o.Name.ToUpperInvariant(), Path: p.Name, Operation: o.Value)))
            .ToList();

        var endpoints = world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiSetup.Prefix, StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Path: Template(e.RoutePattern.RawText!))))
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var operation = documented.SingleOrDefault(d => d.Method == endpoint.Method && d.Path == endpoint.Path).Operation;
            Assert.True(operation.ValueKind == JsonValueKind.Object, $"{endpoint.Method} {endpoint.Path} is not in the OpenAPI document");
            Assert.True(operation.TryGetProperty("summary", out _) && operation.TryGetProperty("tags", out _), $"{endpoint.Method} {endpoint.Path} has no summary or tag");
        }

        Assert.Equal(endpoints.Count, documented.Count(d => d.Path.StartsWith(ApiSetup.Prefix, StringComparison.Ordinal)));

        await DriveEveryStatus(documented.Select(d => (d.Method, d.Path)).ToList());

        var produced = Answered.Select(a => (a.Method, Path: Match(a.Path, documented.Select(d => d.Path)), a.Status)).ToHashSet();
        var missing = documented
            .SelectMany(d => d.Operation.GetProperty("responses").EnumerateObject().Select(r => (d.Method, d.Path, Status: int.Parse(r.Name, CultureInfo.InvariantCulture))))
            .Where(d => d.Status != StatusCodes.Status503ServiceUnavailable && !produced.Contains(d))
            .ToList();
        Assert.True(missing.Count == 0, "documented but never produced: " + string.Join(", ", missing.Select(m => $"{m.Method} {m.Path} {m.Status}")));
    }

    private async Task DriveEveryStatus(IReadOnlyList<(string Method, string Path)> operations)
    {
        var grains = world.Factory.Grains;
        using var dispatcher = await world.Client("dispatcher");
        using var coordinator = await world.Client("coordinator");
        using var volunteer = await world.Client("volunteer");
        using var regional = await world.Client("regional");
        using var stranger = await world.Client("other-coordinator");
        using var anonymous = await world.Client("anonymous");
        var open = await Seed.Request(grains, world.A);
        string Path(string template, Guid id) => template.Replace("{hub}", world.A, StringComparison.Ordinal).Replace("{id}", id.ToString(), StringComparison.Ordinal);

        // Shared by every endpoint: no credentials (401), a cookie call without the client header (400).
        foreach (var (method, template) in operations)
        {
            await Expect(anonymous, method, Path(template, open.Id), HttpStatusCode.Unauthorized, new { });
            await Expect(dispatcher, method, Path(template, open.Id), HttpStatusCode.BadRequest, new { }, header: false);
        }

        var create = $"/api/v1/hubs/{world.A}/requests";
        var newRequest = new { category = "Food", urgency = "Normal", area = "Doc Lane", need = "Soup", contact = new { name = "Al", phone = "07700 900777" } };
        await Expect(dispatcher, "POST", create, HttpStatusCode.Created, newRequest);
        await Expect(volunteer, "POST", create, HttpStatusCode.Forbidden, newRequest);
        await Expect(dispatcher, "POST", create, HttpStatusCode.UnprocessableEntity, newRequest with { category = "Soup" });

        foreach (var list in new[] { "requests", "volunteers", "offers" })
        {
            await Expect(dispatcher, "GET", $"/api/v1/hubs/{world.A}/{list}", HttpStatusCode.OK);
            await Expect(stranger, "GET", $"/api/v1/hubs/{world.A}/{list}", HttpStatusCode.NotFound);
            await Expect(dispatcher, "GET", $"/api/v1/hubs/{world.A}/{list}?pageSize=0", HttpStatusCode.UnprocessableEntity);
        }

        var one = $"/api/v1/requests/{open.Id}";
        await Expect(dispatcher, "GET", one, HttpStatusCode.OK);
        await Expect(stranger, "GET", one, HttpStatusCode.NotFound);
        await Expect(dispatcher, "POST", one + "/notes", HttpStatusCode.OK, new { kind = "Called", text = "Rang" });
        await Expect(volunteer, "POST", one + "/notes", HttpStatusCode.Forbidden, new { kind = "Called", text = "Rang" });
        await Expect(stranger, "POST", one + "/notes", HttpStatusCode.NotFound, new { kind = "Called", text = "Rang" });
        await Expect(dispatcher, "POST", one + "/notes", HttpStatusCode.UnprocessableEntity, new { kind = "Called", text = "" });
        await Expect(dispatcher, "GET", one + "/notes", HttpStatusCode.OK);
        await Expect(regional, "GET", one + "/notes", HttpStatusCode.Forbidden);
        await Expect(stranger, "GET", one + "/notes", HttpStatusCode.NotFound);

        // Refusals and conflicts of every change, on an open request and on a closed one.
        var helper = await Seed.Volunteer(grains, world.A, "Doc");
        foreach (var change in Actions.Append("edit"))
        {
            var body = new { expectedVersion = open.Version, volunteerId = helper, need = "Changed" };
            await Expect(volunteer, "POST", $"{one}/{change}", HttpStatusCode.Forbidden, body);
            await Expect(stranger, "POST", $"{one}/{change}", HttpStatusCode.NotFound, body);
        }

        var edited = await Expect(dispatcher, "POST", one + "/edit", HttpStatusCode.OK, new { expectedVersion = open.Version, area = "Doc Road" });
        foreach (var change in Actions.Append("edit"))
        {
            await Expect(dispatcher, "POST", $"{one}/{change}", HttpStatusCode.Conflict, new { expectedVersion = open.Version, volunteerId = helper, need = "Stale" });
        }

        await Expect(dispatcher, "POST", one + "/edit", HttpStatusCode.UnprocessableEntity, new { expectedVersion = edited.GetProperty("version").GetInt32(), need = " " });

        // The whole lifecycle, then every step again on the closed request (refused by the lifecycle).
        var version = edited.GetProperty("version").GetInt32();
        foreach (var step in new[] { "triage", "assign", "start", "fulfil" })
        {
            version = (await Expect(dispatcher, "POST", $"{one}/{step}", HttpStatusCode.OK, new { expectedVersion = version, volunteerId = helper, hours = 1 })).GetProperty("version").GetInt32();
        }

        var other = await Seed.Request(grains, world.A, phone: "07700 900888");
        var otherPath = $"/api/v1/requests/{other.Id}";
        var otherVersion = (await Expect(dispatcher, "POST", otherPath + "/assign", HttpStatusCode.OK, new { expectedVersion = other.Version, volunteerId = await Seed.Volunteer(grains, world.A, "Doc 2") })).GetProperty("version").GetInt32();
        otherVersion = (await Expect(dispatcher, "POST", otherPath + "/unassign", HttpStatusCode.OK, new { expectedVersion = otherVersion, reason = "swap" })).GetProperty("version").GetInt32();
        await Expect(dispatcher, "POST", otherPath + "/cancel", HttpStatusCode.OK, new { expectedVersion = otherVersion, reason = "gone" });
        var third = await Seed.Request(grains, world.A, phone: "07700 900889");
        var passed = await Expect(dispatcher, "POST", $"/api/v1/requests/{third.Id}/escalate", HttpStatusCode.OK, new { expectedVersion = third.Version, reason = "No van here" });
        Assert.Equal("Escalated", passed.GetProperty("status").GetString());
        foreach (var action in Actions.Where(a => a != "reopen"))
        {
            await Expect(dispatcher, "POST", $"{one}/{action}", HttpStatusCode.UnprocessableEntity, new { expectedVersion = version, volunteerId = helper, hours = 1 });
        }

        // Reopened, delivered or not, only with a reason; then it waits to be assigned again.
        await Expect(dispatcher, "POST", $"{one}/reopen", HttpStatusCode.UnprocessableEntity, new { expectedVersion = version });
        var reopened = await Expect(dispatcher, "POST", $"{one}/reopen", HttpStatusCode.OK, new { expectedVersion = version, reason = "Nobody came" });
        Assert.Equal("Reopened", reopened.GetProperty("status").GetString());
        await Expect(dispatcher, "POST", $"{one}/reopen", HttpStatusCode.UnprocessableEntity, new { expectedVersion = reopened.GetProperty("version").GetInt32(), reason = "again" });
    }

    private static async Task<JsonElement> Expect(HttpClient client, string method, string path, HttpStatusCode expected, object? body = null, bool header = true)
    {
        var (status, answer, _) = await Send(client, new HttpMethod(method), path, body, header);
        Assert.True(status == expected, $"{method} {path}: expected {(int)expected}, got {(int)status} {answer}");
        return answer;
    }

    /// <summary>"/api/v1/requests/{id:guid}" → "/api/v1/requests/{id}", as the document writes it.</summary>
    private static string Template(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", "{$1}");

    private static string Match(string path, IEnumerable<string> templates) =>
        templates.FirstOrDefault(t => System.Text.RegularExpressions.Regex.IsMatch(path, "^" + System.Text.RegularExpressions.Regex.Replace(t, @"\{\w+\}", "[^/]+") + "$")) ?? path;
}
