using System.Collections.Concurrent;
using System.Text.Json;
using Xunit.Abstractions;

namespace MutualAid.Cluster.Tests;

/// <summary>Real processes on real Redis: two silos, two front-ends, demo data.</summary>
public sealed class ClusterTests(LocalCluster cluster, ITestOutputHelper output) : IClassFixture<LocalCluster>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static async Task<(HttpStatusCode Status, RequestSummary? Request, string? Message)> Post(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);
        // Success answers the request (201 for a create, read here as 200); anything else is problem details.
        var status = response.StatusCode == HttpStatusCode.Created ? HttpStatusCode.OK : response.StatusCode;
        if (status == HttpStatusCode.OK) return (status, await response.Content.ReadFromJsonAsync<RequestSummary>(Json), null);
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? await response.Content.ReadFromJsonAsync<JsonElement>(Json) : default;
        return (status, null, problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var detail) ? detail.GetString() : await response.Content.ReadAsStringAsync());
    }

    private static object NewRequest(Guid id, string need) =>
        new { id, category = "Food", urgency = "Normal", area = "Cluster Road", need, contact = new { name = "Cluster Test", phone = "07700 955" + Random.Shared.Next(100, 999) } };

    [Fact]
    public async Task A_request_created_through_one_front_end_reaches_a_board_on_the_other()
    {
        var (web1, _) = await cluster.SignIn(cluster.Web1, "dispatcher@demo.local");
        var (_, cookies2) = await cluster.SignIn(cluster.Web2, "coordinator@demo.local");
        await using var board = LocalCluster.Board(cluster.Web2, cookies2);
        var seen = new TaskCompletionSource<BoardDelta>();
        var id = Guid.NewGuid();
        board.On<BoardDelta>("delta", d =>
        {
            if (d.Changes.OfType<RequestUpserted>().Any(c => c.Request.Id == id)) seen.TrySetResult(d);
        });
        await board.StartAsync();
        await board.InvokeAsync<BoardSnapshot>("JoinHub", "north");

        var stopwatch = Stopwatch.StartNew();
        var (status, request, message) = await Post(web1, "/api/v1/hubs/north/requests", NewRequest(id, "Cross front-end"));
        Assert.True(status == HttpStatusCode.OK, $"{status} {message}");
        var delta = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"web1 → grain → web2 board in {stopwatch.ElapsedMilliseconds} ms (v{delta.Version})");
        Assert.Equal(request!.ReferenceCode, delta.Changes.OfType<RequestUpserted>().Single().Request.ReferenceCode);
    }

    [Fact]
    public async Task A_sign_in_made_on_one_front_end_is_honoured_by_the_other()
    {
        // The key ring lives in the Redis both front-ends share: either opens the cookie the other sealed.
        var (_, cookies1) = await cluster.SignIn(cluster.Web1, "dispatcher@demo.local");
        using var web2 = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = cluster.Web2 };
        web2.DefaultRequestHeaders.Add("Cookie", cookies1);
        web2.DefaultRequestHeaders.Add("X-MutualAid-Client", "cluster-tests");

        using var signedIn = await web2.GetAsync(new Uri("/api/v1/hubs/north/requests", UriKind.Relative));
        using var anonymous = new HttpClient { BaseAddress = cluster.Web2 };
        using var stranger = await anonymous.GetAsync(new Uri("/api/v1/hubs/north/requests", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, stranger.StatusCode);
    }

    [Fact]
    public async Task A_board_on_each_front_end_gets_every_change_once_through_the_backplane()
    {
        var (web1, cookies1) = await cluster.SignIn(cluster.Web1, "dispatcher@demo.local");
        var (_, cookies2) = await cluster.SignIn(cluster.Web2, "coordinator@demo.local");
        await using var board1 = LocalCluster.Board(cluster.Web1, cookies1);
        await using var board2 = LocalCluster.Board(cluster.Web2, cookies2);
        // Both front-ends hold a subscription to the hub, each sending what it receives; before each
        // sent to one group shared through Redis, a board got one copy per front-end.
        var received = new[] { new ConcurrentBag<long>(), new ConcurrentBag<long>() };
        var seen = new[] { new ConcurrentDictionary<Guid, TaskCompletionSource>(), new ConcurrentDictionary<Guid, TaskCompletionSource>() };
        foreach (var (board, i) in new[] { (board1, 0), (board2, 1) })
        {
            board.On<BoardDelta>("delta", d =>
            {
                received[i].Add(d.Version);
                foreach (var change in d.Changes.OfType<RequestUpserted>()) seen[i].GetOrAdd(change.Request.Id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            });
            await board.StartAsync();
            await board.InvokeAsync<BoardSnapshot>("JoinHub", "north");
        }

        // Each request is awaited on both boards before the next, and the last one only marks the end:
        // a second copy of any earlier change would have been sent beside the first, long before it.
        for (var n = 0; n < 4; n++)
        {
            var id = Guid.NewGuid();
            var (status, _, message) = await Post(web1, "/api/v1/hubs/north/requests", NewRequest(id, $"Once {n}"));
            Assert.True(status == HttpStatusCode.OK, $"{status} {message}");
            foreach (var board in seen) await board.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        foreach (var versions in received)
        {
            var repeated = versions.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(repeated.Count == 0, $"versions delivered more than once: {string.Join(", ", repeated)}");
        }
    }

    [Fact]
    public async Task Killing_a_silo_mid_dispatch_loses_no_acknowledged_command_and_boards_resync()
    {
        var (web1, _) = await cluster.SignIn(cluster.Web1, "dispatcher@demo.local");
        var (web2, cookies2) = await cluster.SignIn(cluster.Web2, "coordinator@demo.local");
        await using var board = LocalCluster.Board(cluster.Web2, cookies2);
        var gate = new SemaphoreSlim(1, 1);
        BoardSnapshot? shown = null;
        board.On<BoardDelta>("delta", async d =>
        {
            await gate.WaitAsync();
            try
            {
                shown = shown is null ? null : BoardApplier.Apply(shown, d) ?? await board.InvokeAsync<BoardSnapshot>("GetSnapshot", "north");
            }
            finally
            {
                gate.Release();
            }
        });
        board.On<BoardSnapshot>("snapshot", s => shown = s.Version > (shown?.Version ?? 0) ? s : shown);
        await board.StartAsync();
        shown = await board.InvokeAsync<BoardSnapshot>("JoinHub", "north");
        // The jobs go round the volunteers on duty, each banked as the shortest job there is (a quarter
        // hour), so their own limits (a week's hours, rest after 8 h in a day, counting promised hours)
        // are never what stops the run.
        var onDuty = shown.Volunteers.Where(v => v.OnDuty).Select(v => v.Id).ToArray();
        Assert.True(onDuty.Length >= 3, "the demo hub needs a few volunteers on duty");

        var acknowledged = new Dictionary<Guid, (int Version, RequestStatus Status)>();
        var retryable = 0;
        var stopwatch = Stopwatch.StartNew();
        TimeSpan? killedAt = null, firstAfterKill = null;
        var steps = new[] { "create", "assign", "start", "fulfil" };
        var n = 0;
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(40) && !(killedAt is not null && firstAfterKill is not null && acknowledged.Count >= 12))
        {
            var id = Guid.NewGuid();
            var version = 0;
            for (var step = 0; step < steps.Length;)
            {
                if (killedAt is null && stopwatch.Elapsed > TimeSpan.FromSeconds(5))
                {
                    cluster.Kill("silo1");
                    killedAt = stopwatch.Elapsed;
                    output.WriteLine($"SIGKILL silo1 at {killedAt}");
                }

                var (status, request, message) = steps[step] == "create"
                    ? await Post(web1, "/api/v1/hubs/north/requests", NewRequest(id, $"Failover {n}"))
                    : await Post(web1, $"/api/v1/requests/{id}/{steps[step]}", new { expectedVersion = version, volunteerId = onDuty[n % onDuty.Length], hours = 0.25 });
                switch (status)
                {
                    case HttpStatusCode.OK:
                        version = request!.Version;
                        acknowledged[id] = (version, request.Status);
                        if (killedAt is not null && firstAfterKill is null) firstAfterKill = stopwatch.Elapsed;
                        step++;
                        break;
                    case HttpStatusCode.ServiceUnavailable:
                        retryable++;
                        Assert.Contains("Repeat the command", message);
                        await Task.Delay(500);
                        break;
                    case HttpStatusCode.Conflict:
                        // An earlier attempt went through after all: read where it stands and carry on from there.
                        using (var current = await web2.GetAsync(new Uri($"/api/v1/requests/{id}", UriKind.Relative)))
                        {
                            var now = (await current.Content.ReadFromJsonAsync<RequestSummary>(Json))!;
                            version = now.Version;
                            step = now.Status switch { RequestStatus.Assigned => 2, RequestStatus.InProgress => 3, RequestStatus.Fulfilled => 4, _ => 1 };
                            acknowledged[id] = (version, now.Status);
                        }

                        break;
                    default:
                        Assert.Fail($"{steps[step]} {id} got {(int)status}: {message}\n{cluster.Logs()}");
                        break;
                }
            }

            n++;
        }

        Assert.NotNull(killedAt);
        Assert.NotNull(firstAfterKill);
        var gap = firstAfterKill!.Value - killedAt!.Value;
        output.WriteLine($"failover gap (kill → first acknowledged command): {gap.TotalSeconds:0.0} s; {retryable} retryable 503s; {acknowledged.Count} requests acknowledged");

        // Every acknowledged command is there, read back through the other front-end. A read may
        // still meet the recovery window (503 with Retry-After, the API's "ask again"), as writes did.
        foreach (var (id, (version, status)) in acknowledged)
        {
            var now = await ReadBack(web2, id);
            Assert.True(now!.Version >= version && now.Status >= status, $"{id}: acknowledged v{version} {status}, found v{now.Version} {now.Status}");
        }

        // The board that stayed open through the failover catches up without a reload.
        var deadline = DateTime.UtcNow.AddSeconds(45);
        BoardSnapshot truth;
        do
        {
            truth = await board.InvokeAsync<BoardSnapshot>("GetSnapshot", "north");
            if (shown?.Version == truth.Version) break;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(truth.Version, shown?.Version);
        Assert.Equal(truth.Requests.Select(r => r.Id).Order(), shown!.Requests.Select(r => r.Id).Order());
    }

    private static async Task<RequestSummary?> ReadBack(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/requests/{id}", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<RequestSummary>(Json);
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task A_front_end_in_client_mode_serves_the_Orleans_dashboard_with_the_clusters_silos_to_an_administrator_only()
    {
        var (admin, _) = await cluster.SignIn(cluster.Web2, "admin@demo.local");
        var (coordinator, _) = await cluster.SignIn(cluster.Web2, "coordinator@demo.local");

        var refused = await coordinator.GetAsync(new Uri("/admin/orleans/DashboardCounters", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var page = await admin.GetAsync(new Uri("/admin/orleans/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The figures come from the silos' own dashboard grains, reached from this web-only process.
        var counters = await admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/orleans/DashboardCounters", UriKind.Relative));
        var hosts = counters.EnumerateObject().First(p => p.Name.Equals("totalActiveHostCount", StringComparison.OrdinalIgnoreCase)).Value.GetInt32();
        Assert.True(hosts >= 1, counters.ToString());
    }

    [Fact]
    public async Task After_a_full_stop_and_start_on_the_same_redis_everything_is_there()
    {
        var (web1, _) = await cluster.SignIn(cluster.Web1, "dispatcher@demo.local");
        var id = Guid.NewGuid();
        var (status, _, message) = await Post(web1, "/api/v1/hubs/north/requests", NewRequest(id, "Survives a restart"));
        Assert.True(status == HttpStatusCode.OK, $"{status} {message}");
        var triaged = await Post(web1, $"/api/v1/requests/{id}/triage", new { expectedVersion = 1 });
        Assert.Equal(HttpStatusCode.OK, triaged.Status);

        await cluster.Script("stop");
        await cluster.Script("start");

        var (again, _) = await cluster.SignIn(cluster.Web2, "dispatcher@demo.local");
        var now = await again.GetFromJsonAsync<RequestSummary>(new Uri($"/api/v1/requests/{id}", UriKind.Relative), Json);
        Assert.Equal(RequestStatus.Triaged, now!.Status);
        Assert.Equal(2, now.Version);
        Assert.Equal("Survives a restart", now.Need);
    }
}
