using Microsoft.AspNetCore.Hosting;
using MutualAid.Web.Diagnostics;
using MutualAid.Web.Tests.Support;

namespace MutualAid.Web.Tests.Diagnostics;

/// <summary>Runs alone: the meters are per process, so counts before and after a session are this test's own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics, alone";
}

/// <summary>
/// What an operator scrapes: after a scripted dispatch session on the demo network, /metrics counts
/// each outcome the grains answered and times changes reaching the board; nothing of the demo's
/// people (names, phones, emails, addresses) is a metric label or a span attribute.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class ObservabilityTests : IAsyncLifetime
{
    private readonly List<Activity> spans = [];
    private readonly ActivityListener listener;
    private WebAppFactory factory = null!;

    public ObservabilityTests()
    {
        listener = new ActivityListener
        {
            // What the app exports (its processors run on exactly these): ours, Orleans' grain calls, ASP.NET Core's requests.
            ShouldListenTo = s => Silo.Hosting.Telemetry.Sources.Contains(s.Name) || s.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
    }

    private IGrainFactory Grains => factory.Grains;

    public Task InitializeAsync()
    {
        ActivitySource.AddActivityListener(listener);
        factory = new WebAppFactory(new Dictionary<string, string> { ["MutualAid:SeedDemo"] = "true", ["Observability:Traces"] = "true" }, s => s.AddSingleton<IStartupFilter, CallerFromHeader>());
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        listener.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_dispatch_session_is_counted_by_outcome_and_timed_to_the_board_and_no_person_is_a_label()
    {
        var seeder = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Seeding.DemoSeeder>().Single();
        await seeder.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(2));
        await using var watch = await factory.Services.GetRequiredService<BoardFeed>().Watch("north", _ => Task.CompletedTask);
        var before = Commands(await Scrape());

        // The session: 3 created (1 invalid), 2 assigned (1 stale), 1 fulfilled too early.
        var volunteer = await Seed.Volunteer(Grains, "north", "Nadia Metric");
        var first = await Seed.Request(Grains, "north", phone: "07700 900901");
        var second = await Seed.Request(Grains, "north", phone: "07700 900902");
        var invalid = await Grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest("north", RequestCategory.Food, Urgency.Normal, "Elm", "",
            new ContactDetails("Ivy Invalid", null, null, null), RequestSource.PhoneIntake, Seed.Sam));
        var assigned = await Grains.GetGrain<IRequestGrain>(first.Id).Assign(new AssignCommand(first.Version, Seed.Sam, volunteer));
        var stale = await Grains.GetGrain<IRequestGrain>(first.Id).Assign(new AssignCommand(first.Version, Seed.Sam, volunteer));
        var early = await Grains.GetGrain<IRequestGrain>(second.Id).Fulfil(new FulfilCommand(second.Version, Seed.Sam, 1));
        Assert.Equal((ResultStatus.Invalid, ResultStatus.Ok, ResultStatus.Conflict, ResultStatus.Refused), (invalid.Status, assigned.Status, stale.Status, early.Status));
        var escalationsBefore = PersonEscalations(await Scrape());
        var escalated = await Grains.GetGrain<IRequestGrain>(second.Id).Escalate(new EscalateCommand(second.Version, Seed.Sam, "city", "no drivers left"));
        Assert.True(escalated.IsOk, escalated.Message);

        var text = await Scrape();
        var after = Commands(text);
        int Delta(string command, string outcome) => after.GetValueOrDefault((command, outcome)) - before.GetValueOrDefault((command, outcome));
        Assert.Equal(2, Delta("Request.Create", "ok"));
        Assert.Equal(1, Delta("Request.Create", "invalid"));
        Assert.Equal(1, Delta("Request.Assign", "ok"));
        Assert.Equal(1, Delta("Request.Assign", "conflict"));
        Assert.Equal(1, Delta("Request.Fulfil", "refused"));
        Assert.Matches(@"mutualaid_command_duration_milliseconds_count\{[^}]*command=""Request.Assign""[^}]*\} [1-9]", text);
        await Wait.Until(async () => NoticeToBoardCount(await Scrape()) > 0, "a change reaches the north board and is timed");
        await Wait.Until(async () => PersonEscalations(await Scrape()) == escalationsBefore + 1, "the region counts the escalation a person made, once");
        Assert.Matches(@"mutualaid_board_watchers\{[^}]*hub=""north""[^}]*\} [1-9]", await Scrape());

        var people = await DemoPeople();
        Assert.NotEmpty(people);
        string[] tags;
        lock (spans) tags = [.. spans.SelectMany(s => s.TagObjects.Select(t => $"{s.Source.Name}: {t.Key}={t.Value}").Append(s.DisplayName))];
        Assert.Contains(tags, t => t.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal) && t.Contains("target_id=request/", StringComparison.Ordinal));
        foreach (var secret in people)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            var leaked = tags.FirstOrDefault(t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leaked is null, $"a span carries {secret}: {leaked}");
        }
    }

    [Fact]
    public async Task A_command_is_traced_from_the_http_request_through_the_grains_to_the_board_delta()
    {
        var seeder = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Seeding.DemoSeeder>().Single();
        await seeder.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(2));
        await using var watch = await factory.Services.GetRequiredService<BoardFeed>().Watch("north", _ => Task.CompletedTask);
        var dispatcher = await factory.SignedIn(await factory.User(new RoleGrant(Role.Dispatcher, "north")));
        var request = await Seed.Request(Grains, "north", phone: "07700 900903");
        var volunteer = await Seed.Volunteer(Grains, "north", "Tara Trace");

        // As a proxy in front of the app would: the command arrives inside a trace the caller started.
        var trace = ActivityTraceId.CreateRandom();
        dispatcher.DefaultRequestHeaders.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var (status, _, _) = await Api.ApiClient.Send(dispatcher, HttpMethod.Post, $"/api/v1/requests/{request.Id}/assign", new { expectedVersion = request.Version, volunteerId = volunteer });
        Assert.Equal(HttpStatusCode.OK, status);

        Activity[] Traced()
        {
            lock (spans) return [.. spans.Where(s => s.TraceId == trace)];
        }

        // The server's span ends after its answer is written, which may be after the board's.
        await Wait.Until(() => Task.FromResult(Traced() is var t && t.Any(s => s.Source.Name == WebTracing.SourceName && s.DisplayName == WebTracing.BoardDeltaSpan) && t.Any(s => s.Source.Name == "Microsoft.AspNetCore")),
            "the board delta the assignment caused continues the HTTP request's trace");
        var traced = Traced();
        var seen = string.Join("; ", traced.Select(s => $"{s.Source.Name} {s.DisplayName} [{string.Join(",", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))}]"));
        Assert.True(traced.Any(s => s.Source.Name == "Microsoft.AspNetCore"), seen);
        Assert.True(traced.Any(s => Targets(s, "request/")), seen);
        Assert.True(traced.Any(s => Targets(s, "neighbourhood/")), seen);
        var delta = traced.First(s => s.DisplayName == WebTracing.BoardDeltaSpan);
        Assert.Equal("north", delta.GetTagItem("hub"));
        Assert.All(delta.TagObjects, t => Assert.DoesNotContain("Tara", t.Value?.ToString() ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_metric_the_shipped_dashboard_queries_is_one_the_app_publishes()
    {
        var dashboard = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "observability", "grafana", "dashboards", "mutualaid.json"));
        var queried = DashboardMetric().Matches(string.Join("\n", JsonDocument.Parse(dashboard).RootElement.GetProperty("panels").EnumerateArray()
                .SelectMany(p => p.TryGetProperty("targets", out var t) ? t.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(t => t.GetProperty("expr").GetString())))
            .Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(queried.Count >= 10, $"the dashboard's queries were not found: {string.Join(", ", queried)}");

        // Events a fresh network has not had yet (an escalation, a lapsed claim, a resync, a sent
        // message) publish nothing until they happen: a zero makes each instrument show its name.
        var hub = WebMetrics.Hub("dashboard-check");
        WebMetrics.Resyncs.Add(0, hub);
        WebMetrics.OutboxReports.Add(0, hub, new("result", "sent"));
        WebMetrics.DeltasSent.Add(0, hub);
        WebMetrics.NoticeToBoard.Record(0, hub);
        Silo.Diagnostics.GrainMetrics.Escalations.Add(0, new KeyValuePair<string, object?>("by", "person"));
        Silo.Diagnostics.GrainMetrics.ClaimsLapsed.Add(0);
        Silo.Diagnostics.GrainMetrics.Commands.Add(0, new("command", "Request.Create"), new("outcome", "ok"));
        Silo.Diagnostics.GrainMetrics.CommandDuration.Record(0, new KeyValuePair<string, object?>("command", "Request.Create"));
        await using var watch = await factory.Services.GetRequiredService<BoardFeed>().Watch("north", _ => Task.CompletedTask);

        var published = PublishedMetric().Matches(await Scrape()).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var missing = queried.Where(q => !published.Contains(q)).ToList();
        Assert.True(missing.Count == 0, $"the dashboard queries metrics the app does not publish: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Metrics_answer_only_the_networks_an_operator_named()
    {
        using var client = factory.CreateClient();
        using var outside = new HttpRequestMessage(HttpMethod.Get, MetricsEndpoint.Path);
        outside.Headers.Add(CallerFromHeader.Header, "203.0.113.9");
        var refused = await client.SendAsync(outside);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("mutualaid_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("# TYPE", await Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Orleans_dashboard_is_for_network_administrators_only()
    {
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var hub = await Seed.Hub(Grains);
        var coordinator = await SignedIn(new RoleGrant(Role.Coordinator, hub));
        var admin = await SignedIn(new RoleGrant(Role.NetworkAdmin, null));

        var page = new Uri(DashboardEndpoint.Path + "/", UriKind.Relative);
        var anonymousAnswer = await anonymous.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, anonymousAnswer.StatusCode);
        Assert.Contains("/account/login", anonymousAnswer.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        var denied = await coordinator.GetAsync(page);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        var shown = await admin.GetAsync(page);
        Assert.True(HttpStatusCode.OK == shown.StatusCode, $"{shown.StatusCode} {shown.Headers.Location}");

        async Task<HttpClient> SignedIn(RoleGrant role) => await factory.SignedIn(await factory.User(role));
    }

    private static bool Targets(Activity span, string grainType) =>
        span.Source.Name.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal)
        && span.TagObjects.Any(t => t.Key.EndsWith("target_id", StringComparison.Ordinal) && t.Value is string id && id.StartsWith(grainType, StringComparison.Ordinal));

    private async Task<string> Scrape()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, MetricsEndpoint.Path);
        request.Headers.Add(CallerFromHeader.Header, "127.0.0.1");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static Dictionary<(string Command, string Outcome), int> Commands(string scrape)
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (Match m in CommandLine().Matches(scrape))
        {
            var labels = m.Groups["labels"].Value;
            var key = (Label(labels, "command"), Label(labels, "outcome"));
            counts[key] = counts.GetValueOrDefault(key) + (int)double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static long PersonEscalations(string scrape) =>
        Regex.Matches(scrape, @"^mutualaid_escalations_total\{[^}]*by=""person""[^}]*\} (?<value>[0-9]+)", RegexOptions.Multiline)
            .Sum(m => long.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private static long NoticeToBoardCount(string scrape) =>
        NoticeLine().Matches(scrape).Sum(m => long.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static string Label(string labels, string name) => Regex.Match(labels, $"{name}=\"([^\"]*)\"").Groups[1].Value;

    /// <summary>Every name, phone, email and address the demo network holds, read from its private views.</summary>
    private async Task<IReadOnlyList<string>> DemoPeople()
    {
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Nadia Metric", "Maria Lopez", "12 Elm Street", "07700 900901" };
        foreach (var hub in Seeding.DemoSeeder.Hubs)
        {
            var board = await Grains.GetGrain<IHubGrain>(hub).GetSnapshot();
            foreach (var request in board.Requests)
            {
                if (await Grains.GetGrain<IRequestGrain>(request.Id).GetView() is not { Contact: var c }) continue;
                found.UnionWith(new[] { c.Name, c.Phone, c.Email, c.Address }.OfType<string>().Where(s => s.Length > 4));
            }
        }

        found.UnionWith(Seeding.DemoAccounts.People.SelectMany(p => new[] { p.Email, p.Name }));
        return [.. found];
    }

    /// <summary>A metric name in a PromQL query (ours and the runtime's), not a function or label.</summary>
    [GeneratedRegex(@"\b(?:mutualaid|dotnet|process|http|kestrel|signalr|orleans)_[a-z0-9_]+\b")]
    private static partial Regex DashboardMetric();

    [GeneratedRegex(@"^(?<name>[a-z_][a-z0-9_]*)(?:\{[^}]*\})? ", RegexOptions.Multiline)]
    private static partial Regex PublishedMetric();

    [GeneratedRegex(@"^mutualaid_commands_total\{(?<labels>[^}]*)\} (?<value>[0-9.e+]+)", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"^mutualaid_board_notice_to_board_milliseconds_count\{[^}]*hub=""north""[^}]*\} (?<value>[0-9]+)", RegexOptions.Multiline)]
    private static partial Regex NoticeLine();
}
