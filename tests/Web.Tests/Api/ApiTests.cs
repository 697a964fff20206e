using Microsoft.AspNetCore.Http;
using static MutualAid.Web.Tests.Api.ApiClient;

namespace MutualAid.Web.Tests.Api;

/// <summary>The /api/v1 contract: string enums, problem details, every intake field, lists with paging, the override, idempotent creates.</summary>
public sealed class ApiTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static object NewRequest(string area = "Mill Lane", string category = "Food", string urgency = "High") => new
    {
        category,
        urgency,
        area,
        need = "Bread and milk",
        contact = new { name = "Jo", phone = "07700 900" + Random.Shared.Next(100, 999), email = "jo@example.org", address = "1 Mill Lane" },
        preferredLanguage = "es",
        neededBy = DateTimeOffset.UtcNow.AddDays(1),
        location = new { latitude = 51.5, longitude = -0.1 },
        accessibilityNotes = "Stairs only",
        needsVehicle = true,
        notes = "Rang from the library",
    };

    [Fact]
    public async Task A_create_with_string_enums_sets_every_field_and_reads_back_in_words()
    {
        using var dispatcher = await world.Client("dispatcher");

        var (status, created, response) = await Send(dispatcher, HttpMethod.Post, $"/api/v1/hubs/{world.A}/requests", NewRequest());

        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/requests/{id}", response.Headers.Location?.ToString());
        Assert.Equal(("Food", "High", "Spanish", true, true), (created.GetProperty("category").GetString(), created.GetProperty("urgency").GetString(),
            created.GetProperty("preferredLanguage").GetString(), created.GetProperty("needsVehicle").GetBoolean(), created.GetProperty("hasAccessibilityNeeds").GetBoolean()));
        var view = (await world.Factory.Grains.GetGrain<IRequestGrain>(id).GetView())!;
        Assert.Equal(("jo@example.org", "Spanish", "Stairs only"), (view.Contact.Email, view.PreferredLanguage, view.AccessibilityNotes));
        Assert.NotNull(view.NeededBy);
        Assert.NotNull(view.Location);
        var (_, notes, _) = await Send(dispatcher, HttpMethod.Get, $"/api/v1/requests/{id}/notes");
        Assert.Equal(("Rang from the library", "Note"), (notes[0].GetProperty("text").GetString(), notes[0].GetProperty("kind").GetString()));
        var (_, read, _) = await Send(dispatcher, HttpMethod.Get, $"/api/v1/requests/{id}");
        Assert.Equal("New", read.GetProperty("status").GetString());
        Assert.DoesNotContain("jo@example.org", read.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_enum_is_a_422_problem_naming_the_field_and_bad_json_a_400_problem()
    {
        using var dispatcher = await world.Client("dispatcher");

        var (unknown, problem, response) = await Send(dispatcher, HttpMethod.Post, $"/api/v1/hubs/{world.A}/requests", NewRequest(category: "Fod"));
        var (malformed, bad, _) = await Send(dispatcher, HttpMethod.Post, $"/api/v1/hubs/{world.A}/requests", raw: "{\"category\": ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((ApiProblems.Invalid, 422, nameof(Reason.NotAValue)), (problem.GetProperty("type").GetString(), problem.GetProperty("status").GetInt32(), problem.GetProperty("reason").GetString()));
        Assert.Equal(nameof(Reason.NotAValue), problem.GetProperty("errors").GetProperty("category")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Equal((ApiProblems.Malformed, nameof(Reason.MalformedJson)), (bad.GetProperty("type").GetString(), bad.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem_that_says_so_not_malformed_json()
    {
        using var dispatcher = await world.Client("dispatcher");
        var request = await Seed.Request(world.Factory.Grains, world.A);

        var (status, problem, response) = await Send(dispatcher, HttpMethod.Patch, $"/api/v1/requests/{request.Id}", new { need = "More bread" });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((ApiProblems.MethodNotAllowed, 405, nameof(Reason.MethodNotAllowed)),
            (problem.GetProperty("type").GetString(), problem.GetProperty("status").GetInt32(), problem.GetProperty("reason").GetString()));
        Assert.Contains(HttpMethods.Get, response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Problems_say_forbidden_not_found_conflict_refused_and_unauthenticated_apart()
    {
        using var dispatcher = await world.Client("dispatcher");
        using var volunteer = await world.Client("volunteer");
        using var stranger = await world.Client("other-coordinator");
        using var anonymous = await world.Client("anonymous");
        var request = await Seed.Request(world.Factory.Grains, world.A);
        var path = $"/api/v1/requests/{request.Id}";

        var forbidden = await Send(volunteer, HttpMethod.Post, path + "/triage", new { expectedVersion = request.Version });
        var notFound = await Send(stranger, HttpMethod.Post, path + "/triage", new { expectedVersion = request.Version });
        var triaged = await Send(dispatcher, HttpMethod.Post, path + "/triage", new { expectedVersion = request.Version, urgency = "Critical" });
        var stale = await Send(dispatcher, HttpMethod.Post, path + "/cancel", new { expectedVersion = request.Version, reason = "dup" });
        var refused = await Send(dispatcher, HttpMethod.Post, path + "/start", new { expectedVersion = request.Version + 1 });
        var noVolunteer = await Send(dispatcher, HttpMethod.Post, path + "/assign", new { expectedVersion = request.Version + 1 });
        var unauthenticated = await Send(anonymous, HttpMethod.Get, path);
        var noHeader = await Send(dispatcher, HttpMethod.Get, path, header: false);
        var noSuchPath = await Send(dispatcher, HttpMethod.Get, "/api/v1/nothing-here");

        Assert.Equal((HttpStatusCode.Forbidden, ApiProblems.Forbidden, nameof(Reason.NotADispatcher)), Shape(forbidden));
        Assert.Equal((HttpStatusCode.NotFound, ApiProblems.NotFound, nameof(Reason.NoSuchRequest)), Shape(notFound));
        Assert.DoesNotContain("Maria", notFound.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, triaged.Status);
        Assert.Equal("Critical", triaged.Body.GetProperty("urgency").GetString());
        Assert.Equal((HttpStatusCode.Conflict, ApiProblems.Conflict, nameof(Reason.Stale)), Shape(stale));
        var conflict = stale.Body.GetProperty("conflict");
        Assert.False(string.IsNullOrEmpty(conflict.GetProperty("changedBy").GetString()));
        Assert.False(string.IsNullOrEmpty(conflict.GetProperty("change").GetString()));
        Assert.True(conflict.TryGetProperty("changedAt", out _));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ApiProblems.Refused), (Shape(refused).Item1, Shape(refused).Item2));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, ApiProblems.Invalid, nameof(Reason.VolunteerMissing)), Shape(noVolunteer));
        Assert.True(noVolunteer.Body.GetProperty("errors").TryGetProperty("volunteerId", out _));
        Assert.Equal((HttpStatusCode.Unauthorized, ApiProblems.Unauthenticated, nameof(Reason.SignInOrToken)), Shape(unauthenticated));
        Assert.Equal((HttpStatusCode.BadRequest, ApiProblems.Malformed, nameof(Reason.ClientHeaderMissing)), Shape(noHeader));
        Assert.Equal((HttpStatusCode.NotFound, ApiProblems.NotFound, nameof(Reason.NoSuchPath)), Shape(noSuchPath));
    }

    [Fact]
    public async Task A_recovering_cluster_is_a_503_problem_with_retry_after()
    {
        using var scope = world.Factory.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();

        var result = await ApiCall.Run<RequestView>(http, user, () => throw new TimeoutException("silo moving"), _ => TypedResults.Ok());
        await result.ExecuteAsync(http);

        Assert.Equal((503, "2"), (http.Response.StatusCode, http.Response.Headers.RetryAfter.ToString()));
        http.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(http.Response.Body).RootElement;
        Assert.Equal((ApiProblems.Unavailable, nameof(Reason.ClusterRecovering)), (problem.GetProperty("type").GetString(), problem.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Lists_filter_by_status_urgency_and_area_and_page()
    {
        using var dispatcher = await world.Client("dispatcher");
        var area = "Paging Row " + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await Send(dispatcher, HttpMethod.Post, $"/api/v1/hubs/{world.A}/requests", NewRequest(area))).Status);
        Assert.Equal(HttpStatusCode.Created, (await Send(dispatcher, HttpMethod.Post, $"/api/v1/hubs/{world.A}/requests", NewRequest(area, urgency: "Low"))).Status);
        var list = $"/api/v1/hubs/{world.A}/requests?area={Uri.EscapeDataString(area)}&urgency=High&status=New";

        var first = await Until(dispatcher, list + "&pageSize=2", b => b.GetProperty("total").GetInt32() == 3);
        var second = (await Send(dispatcher, HttpMethod.Get, list + "&pageSize=2&page=2")).Body;
        var tooBig = await Send(dispatcher, HttpMethod.Get, list + "&pageSize=500");
        var badStatus = await Send(dispatcher, HttpMethod.Get, $"/api/v1/hubs/{world.A}/requests?status=Lost");

        Assert.Equal((2, 1, 2, 3), (first.GetProperty("items").GetArrayLength(), first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), first.GetProperty("total").GetInt32()));
        Assert.Equal((1, 2), (second.GetProperty("items").GetArrayLength(), second.GetProperty("page").GetInt32()));
        Assert.All(first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()), r => Assert.Equal(("High", area), (r.GetProperty("urgency").GetString(), r.GetProperty("area").GetString())));
        Assert.DoesNotContain("jo@example.org", first.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooBig.Status);
        Assert.True(tooBig.Body.GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStatus.Status);
        Assert.True(badStatus.Body.GetProperty("errors").TryGetProperty("status", out _));

        var volunteers = await Until(dispatcher, $"/api/v1/hubs/{world.A}/volunteers?pageSize=200", b => b.GetProperty("items").EnumerateArray().Any(v => v.GetProperty("id").GetGuid() == world.VolunteerOfA));
        var vee = volunteers.GetProperty("items").EnumerateArray().Single(v => v.GetProperty("id").GetGuid() == world.VolunteerOfA);
        Assert.Equal((3, 10.0), (vee.GetProperty("maxConcurrentJobs").GetInt32(), vee.GetProperty("maxHoursPerWeek").GetDouble()));
        Assert.True(vee.TryGetProperty("activeJobs", out _) && vee.TryGetProperty("hoursThisWeek", out _));
        Assert.Equal("Food", vee.GetProperty("canHelpWith")[0].GetString());
        var offers = await Send(dispatcher, HttpMethod.Get, $"/api/v1/hubs/{world.A}/offers?status=Open&category=Food");
        Assert.Equal(HttpStatusCode.OK, offers.Status);
        Assert.True(offers.Body.TryGetProperty("total", out _));
    }

    [Fact]
    public async Task Only_a_coordinator_assigns_past_limits_and_only_with_a_reason()
    {
        using var dispatcher = await world.Client("dispatcher");
        using var coordinator = await world.Client("coordinator");
        var request = await Seed.Request(world.Factory.Grains, world.A);
        var volunteer = await Seed.Volunteer(world.Factory.Grains, world.A, "Olu");
        var path = $"/api/v1/requests/{request.Id}/assign";

        var byDispatcher = await Send(dispatcher, HttpMethod.Post, path, new { expectedVersion = request.Version, volunteerId = volunteer, @override = true, reason = "Only driver left" });
        var noReason = await Send(coordinator, HttpMethod.Post, path, new { expectedVersion = request.Version, volunteerId = volunteer, @override = true });
        var byCoordinator = await Send(coordinator, HttpMethod.Post, path, new { expectedVersion = request.Version, volunteerId = volunteer, @override = true, reason = "Only driver left" });

        Assert.Equal((HttpStatusCode.Forbidden, nameof(Reason.OverrideNeedsCoordinator)), (byDispatcher.Status, byDispatcher.Body.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.Status);
        Assert.Equal(nameof(Reason.OverrideNeedsReason), noReason.Body.GetProperty("errors").GetProperty("reason")[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, byCoordinator.Status);
        Assert.Equal(volunteer, byCoordinator.Body.GetProperty("assignedVolunteerId").GetGuid());
        var audit = await world.Factory.Grains.GetGrain<IRequestGrain>(request.Id).GetAudit();
        Assert.Contains(audit, e => JsonSerializer.Serialize(e).Contains("Only driver left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_idempotency_key_answers_the_first_result_and_creates_one_request()
    {
        using var dispatcher = await world.Client("dispatcher");
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(NewRequest("Once Lane"), Web);
        var path = $"/api/v1/hubs/{world.A}/requests";

        var first = await Send(dispatcher, HttpMethod.Post, path, raw: body, idempotencyKey: key);
        var again = await Send(dispatcher, HttpMethod.Post, path, raw: body, idempotencyKey: key);
        var other = await Send(dispatcher, HttpMethod.Post, path, NewRequest("Twice Lane"), idempotencyKey: key);
        var fresh = await Send(dispatcher, HttpMethod.Post, path, raw: body, idempotencyKey: Guid.NewGuid().ToString());

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.Status, again.Status));
        Assert.Equal(first.Body.GetRawText(), again.Body.GetRawText());
        Assert.Equal(first.Response.Headers.Location, again.Response.Headers.Location);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, nameof(Reason.IdempotencyKeyReused)), (other.Status, other.Body.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.Created, fresh.Status);
        Assert.NotEqual(first.Body.GetProperty("id").GetGuid(), fresh.Body.GetProperty("id").GetGuid());
        var id = first.Body.GetProperty("id").GetGuid();
        Assert.Equal(1, (await world.Factory.Grains.GetGrain<IRequestGrain>(id).GetView())!.Version);
        var board = await world.Factory.Grains.GetGrain<IHubGrain>(world.A).GetSnapshot();
        Assert.Single(board.Requests, r => r.Area == "Once Lane" && r.Id == id);
    }

    [Fact]
    public async Task The_document_and_its_reference_are_served_and_only_the_reference_may_run_inline_script()
    {
        using var anonymous = await world.Client("anonymous");

        using var document = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var reference = await anonymous.GetAsync(new Uri(ApiSetup.DocsPath + "/", UriKind.Relative));
        using var board = await anonymous.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("\"/api/v1/requests/{id}/assign\"", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("openapi/v1.json", await reference.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("'unsafe-inline'", reference.Headers.GetValues("Content-Security-Policy").Single().Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", board.Headers.GetValues("Content-Security-Policy").Single().Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assigning_to_a_pair_two_already_hold_names_whom_the_new_volunteer_replaces()
    {
        var grains = world.Factory.Grains;
        var (ann, ben, cai) = (await Seed.Volunteer(grains, world.A, "Ann Pair"), await Seed.Volunteer(grains, world.A, "Ben Pair"), await Seed.Volunteer(grains, world.A, "Cai Pair"));
        var grain = grains.GetGrain<IRequestGrain>(Guid.NewGuid());
        var created = await grain.Create(new MutualAid.Requests.NewRequest(world.A, RequestCategory.Food, Urgency.Normal, "Elm Street", "Moving a wardrobe",
            new ContactDetails("Maria Lopez", "07700 900125", null, "12 Elm Street"), RequestSource.PhoneIntake, Seed.Sam)
        { NeedsTwo = true });
        var first = await grain.Assign(new AssignCommand(created.Value!.Version, Seed.Sam, ann));
        var both = (await grain.Assign(new AssignCommand(first.Value!.Version, Seed.Sam, ben))).Value!;
        using var dispatcher = await world.Client("dispatcher");
        var path = $"/api/v1/requests/{both.Id}/assign";

        var full = await Send(dispatcher, HttpMethod.Post, path, new { expectedVersion = both.Version, volunteerId = cai });
        var replaced = await Send(dispatcher, HttpMethod.Post, path, new { expectedVersion = both.Version, volunteerId = cai, replacing = ann });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, ApiProblems.Refused, nameof(Reason.PairIsFull)), Shape(full));
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        var now = (await grain.GetView())!;
        Assert.Null(now.HeldBy(ann));
        Assert.NotNull(now.HeldBy(ben));
        Assert.NotNull(now.HeldBy(cai));
    }

    private static (HttpStatusCode, string?, string?) Shape((HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response) answer) =>
        (answer.Status, answer.Body.GetProperty("type").GetString(), answer.Body.GetProperty("reason").GetString());

    /// <summary>The board is fed by one-way notices, so a list read waits until the board has the new requests.</summary>
    private static async Task<JsonElement> Until(HttpClient client, string path, Func<JsonElement, bool> ready)
    {
        JsonElement body = default;
        await Wait.Until(async () => (body = (await Send(client, HttpMethod.Get, path)).Body).ValueKind == JsonValueKind.Object && ready(body), path);
        return body;
    }
}
