using Xunit.Abstractions;

namespace MutualAid.Cluster.Tests;

/// <summary>
/// Issue 14, reliability 1: the one-machine app (SQLite) is SIGKILLed at twenty different instants
/// while dispatchers create and assign; after each restart a board watcher that only watches must
/// show every change the app had acknowledged, within 10 s of the app answering again.
/// </summary>
public sealed class EmbeddedCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 20;
    private const string Hub = "north";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(10);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "mutualaid-crash-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ConcurrentDictionary<Guid, int> acknowledged = new();
    private volatile bool killing;

    [Fact]
    public async Task Killed_at_twenty_instants_during_bursts_every_acknowledged_change_is_on_a_watching_board_within_10_s_of_the_restart()
    {
        var app = await EmbeddedApp.Start(folder);
        try
        {
            var password = await LocalCluster.ReadDemoPassword(Path.Combine(folder, "demo-accounts.txt"));
            var slowest = TimeSpan.Zero;
            for (var round = 0; round < Rounds; round++)
            {
                var (dispatcher, cookies) = await LocalCluster.SignIn(app.BaseAddress, "dispatcher@demo.local", password);
                var onDuty = await OnDuty(app.BaseAddress, cookies);
                await Release(dispatcher, app.BaseAddress, cookies); // last round's unfinished assignments, so limits never decide the run

                killing = false;
                var counts = new int[3];
                var workers = Enumerable.Range(0, 3).Select(w => Burst(dispatcher, onDuty[w % onDuty.Length], counts)).ToArray();
                var killAfter = TimeSpan.FromMilliseconds(250 + (round * 110));
                await Task.Delay(killAfter);
                killing = true;
                await app.Kill();
                await Task.WhenAll(workers);
                dispatcher.Dispose();

                await using (app)
                {
                    // Dead already; nothing to do but let go of the process handle.
                }

                app = await EmbeddedApp.Start(folder);
                var answering = Stopwatch.StartNew();
                var (_, watcherCookies) = await LocalCluster.SignIn(app.BaseAddress, "coordinator@demo.local", password);
                var watcher = await Watcher.Join(app.BaseAddress, watcherCookies);
                await using (watcher.Connection)
                {
                    string[] missing;
                    while ((missing = Missing(watcher.Board)).Length > 0 && answering.Elapsed < Allowed) await Task.Delay(100);
                    output.WriteLine($"round {round}: killed {killAfter.TotalMilliseconds} ms into a burst ({counts[0]} created, {counts[1]} assigned, {counts[2]} released); " +
                        $"{acknowledged.Count} acknowledged requests on the board {answering.Elapsed.TotalSeconds:0.0} s after the app answered again");
                    Assert.True(missing.Length == 0, $"round {round}: after {Allowed.TotalSeconds} s the board still lacks {missing.Length} acknowledged change(s): {string.Join(", ", missing.Take(5))}\n{app.Output}");
                    slowest = answering.Elapsed > slowest ? answering.Elapsed : slowest;
                    foreach (var request in watcher.Board!.Requests)
                    {
                        var holders = watcher.Board.Volunteers.Where(v => v.ActiveRequestIds.Contains(request.Id)).ToArray();
                        Assert.True(holders.Length <= 1, $"{request.ReferenceCode} shown under {holders.Length} volunteers");
                    }
                }
            }

            output.WriteLine($"slowest catch-up after a restart: {slowest.TotalSeconds:0.0} s");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>Creates, assigns and releases requests until the app dies, recording every change it acknowledged.</summary>
    private async Task Burst(HttpClient client, Guid volunteer, int[] counts)
    {
        try
        {
            while (!killing)
            {
                var id = Guid.NewGuid();
                var created = await Post(client, $"/api/v1/hubs/{Hub}/requests", new
                {
                    id,
                    category = "Food",
                    urgency = "Normal",
                    area = "Crash Road",
                    need = "Groceries for the crash test",
                    contact = new { name = "Crash Test", phone = "07700 966" + Random.Shared.Next(100, 999) },
                });
                if (created is null) return;
                Interlocked.Increment(ref counts[0]);
                var assigned = await Post(client, $"/api/v1/requests/{id}/assign", new { expectedVersion = created.Version, volunteerId = volunteer, hours = 0.25 }, refusalAllowed: true);
                if (assigned is null) continue;
                Interlocked.Increment(ref counts[1]);
                if (await Post(client, $"/api/v1/requests/{id}/unassign", new { expectedVersion = assigned.Version, reason = "crash test" }) is null) return;
                Interlocked.Increment(ref counts[2]);
            }
        }
        catch (HttpRequestException) when (killing)
        {
            // The app died under this call: it was never acknowledged.
        }
    }

    private async Task<RequestSummary?> Post(HttpClient client, string path, object body, bool refusalAllowed = false)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
        {
            var request = (await response.Content.ReadFromJsonAsync<RequestSummary>(Json))!;
            acknowledged.AddOrUpdate(request.Id, request.Version, (_, v) => Math.Max(v, request.Version));
            return request;
        }

        // A refused assignment (the volunteer's limit, a reservation a kill left behind) is an answer, not a failure.
        var refused = refusalAllowed && response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity;
        Assert.True(refused || killing, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return null;
    }

    private string[] Missing(BoardSnapshot? board)
    {
        if (board is null) return ["(no board yet)"];
        var shown = board.Requests.ToDictionary(r => r.Id, r => r.Version);
        return acknowledged.Where(a => !shown.TryGetValue(a.Key, out var version) || version < a.Value)
            .Select(a => $"{a.Key} v{a.Value} (board: {(shown.TryGetValue(a.Key, out var v) ? "v" + v : "absent")})").ToArray();
    }

    private static async Task<Guid[]> OnDuty(Uri web, string cookies)
    {
        var watcher = await Watcher.Join(web, cookies);
        await using (watcher.Connection)
        {
            var onDuty = watcher.Board!.Volunteers.Where(v => v.OnDuty).Select(v => v.Id).ToArray();
            Assert.True(onDuty.Length >= 3, "the demo hub needs a few volunteers on duty");
            return onDuty;
        }
    }

    /// <summary>Unassigns whatever a kill left assigned, as a dispatcher would, before the next burst.</summary>
    private async Task Release(HttpClient dispatcher, Uri web, string cookies)
    {
        var watcher = await Watcher.Join(web, cookies);
        await using (watcher.Connection)
        {
            foreach (var request in watcher.Board!.Requests.Where(r => acknowledged.ContainsKey(r.Id) && r.AssignedVolunteerId is not null))
            {
                await Post(dispatcher, $"/api/v1/requests/{request.Id}/unassign", new { expectedVersion = request.Version, reason = "crash test" });
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }


    /// <summary>A board client that only watches: snapshot, then deltas in order, resyncing on a gap.</summary>
    private sealed class Watcher
    {
        private readonly SemaphoreSlim gate = new(1, 1);

        private Watcher(HubConnection connection) => Connection = connection;

        public HubConnection Connection { get; }

        public BoardSnapshot? Board { get; private set; }

        public static async Task<Watcher> Join(Uri web, string cookies)
        {
            var watcher = new Watcher(LocalCluster.Board(web, cookies));
            watcher.Connection.On<BoardDelta>("delta", watcher.Apply);
            await watcher.Connection.StartAsync();
            var snapshot = await watcher.Connection.InvokeAsync<BoardSnapshot>("JoinHub", Hub);
            await watcher.gate.WaitAsync();
            try
            {
                if (snapshot.Version > (watcher.Board?.Version ?? -1)) watcher.Board = snapshot;
            }
            finally
            {
                watcher.gate.Release();
            }

            return watcher;
        }

        private async Task Apply(BoardDelta delta)
        {
            await gate.WaitAsync();
            try
            {
                if (Board is null) return; // the snapshot will carry it
                Board = BoardApplier.Apply(Board, delta) ?? await Connection.InvokeAsync<BoardSnapshot>("GetSnapshot", Hub);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
