using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using MutualAid.Silo.Hosting;
using MutualAid.TestSupport;

namespace MutualAid.Bench;

/// <summary>
/// deploy/local-cluster.sh as the system under test: redis-server, 2 silos and 2 web front-ends,
/// each its own process on loopback, found by the pid files the script writes in its state folder.
/// </summary>
internal sealed class ClusterUnderTest : IAsyncDisposable
{
    private const string PortsFile = "bench-ports.env";
    private const string PasswordFile = "bench-admin.txt";
    private readonly string state;
    private readonly Dictionary<string, string> ports;
    private readonly bool startedHere;

    private ClusterUnderTest(string state, Dictionary<string, string> ports, bool startedHere)
    {
        this.state = state;
        this.ports = ports;
        this.startedHere = startedHere;
        Webs = ports["WEB_PORTS"].Split(' ').Select(p => new Uri($"http://127.0.0.1:{p}")).ToArray();
    }

    public IReadOnlyList<Uri> Webs { get; }

    public string Redis => "127.0.0.1:" + ports["REDIS_PORT"];

    /// <summary>Every process of the cluster (web1, web2, silo1, silo2, redis) by name, with its id.</summary>
    public IReadOnlyList<(string Name, int Pid)> Processes() =>
        Directory.GetFiles(state, "*.pid").Select(f => (Name: Path.GetFileNameWithoutExtension(f), Pid: int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture)))
            .Where(p => p.Name is not ("prometheus" or "grafana")).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Uses the cluster running in <paramref name="state"/> if there is one (started by an earlier
    /// run of the harness, or by hand with the script's default ports), else starts one there on free
    /// ports from the Release build and stops it when disposed.
    /// </summary>
    public static async Task<ClusterUnderTest> Use(string state)
    {
        state = Path.GetFullPath(state);
        var redisPid = Path.Combine(state, "redis.pid");
        if (File.Exists(redisPid) && Alive(int.Parse(File.ReadAllText(redisPid).Trim(), CultureInfo.InvariantCulture)))
        {
            var file = Path.Combine(state, PortsFile);
            var known = File.Exists(file)
                ? File.ReadAllLines(file).Select(l => l.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1])
                : new Dictionary<string, string> { ["REDIS_PORT"] = "6390", ["WEB_PORTS"] = "5101 5102" };
            Console.Error.WriteLine($"cluster: using the one running in {state}");
            return new ClusterUnderTest(state, known, startedHere: false);
        }

        Directory.CreateDirectory(state);
        var p = Enumerable.Range(0, 8).Select(_ => Ports.Free()).ToArray();
        var chosen = new Dictionary<string, string>
        {
            ["REDIS_PORT"] = p[0].ToString(CultureInfo.InvariantCulture),
            ["SILO_PORTS"] = $"{p[1]} {p[2]}",
            ["GATEWAY_PORTS"] = $"{p[3]} {p[4]}",
            ["WEB_PORTS"] = $"{p[5]} {p[6]}",
            ["METRICS_BASE_PORT"] = p[7].ToString(CultureInfo.InvariantCulture),
        };
        await File.WriteAllLinesAsync(Path.Combine(state, PortsFile), chosen.Select(kv => $"{kv.Key}={kv.Value}"));
        var cluster = new ClusterUnderTest(state, chosen, startedHere: true);
        Console.Error.WriteLine($"cluster: starting deploy/local-cluster.sh (Release) in {state}");
        await cluster.Script("start");
        return cluster;
    }

    /// <summary>
    /// The administrator's sign-in cookie for each front-end (front-ends do not share cookie keys):
    /// set up through the first-run page of the first, then signed in on every other. The password is
    /// kept in the state folder, so a later run on the same cluster can sign in again.
    /// </summary>
    public async Task<IReadOnlyList<string>> SignIn()
    {
        var file = Path.Combine(state, PasswordFile);
        var cookies = new List<string>();
        if (!File.Exists(file))
        {
            var password = "benchmark-password-" + Guid.NewGuid();
            cookies.Add(await AppUnderTest.SetUp(Webs[0], password));
            await File.WriteAllTextAsync(file, password);
        }

        var known = (await File.ReadAllTextAsync(file)).Trim();
        foreach (var web in Webs.Skip(cookies.Count)) cookies.Add(await AppUnderTest.SignIn(web, known));
        return cookies;
    }

    /// <summary>An Orleans client of the cluster (Redis membership), so commands reach the silos through both gateways.</summary>
    public async Task<IHost> Client()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["MutualAid:Hosting"] = "Client";
        builder.Configuration["MutualAid:Clustering"] = "Redis";
        builder.Configuration["MutualAid:Storage"] = "Redis";
        builder.Configuration["MutualAid:Redis"] = Redis;
        builder.Configuration["MutualAid:ClusterId"] = "local";
        builder.Configuration["MutualAid:ServiceId"] = "mutualaid";
        builder.Configuration["MutualAid:Dashboard"] = "false";
        builder.UseOrleansClient(c => c.AddMutualAidClient(builder.Configuration));
        var client = builder.Build();
        await client.StartAsync();
        return client;
    }

    /// <summary>Board watchers a front-end reports on /metrics (mutualaid.board.watchers, summed over hubs).</summary>
    public static async Task<double> Watchers(Uri web)
    {
        using var http = new HttpClient { BaseAddress = web };
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return text.Split('\n').Where(l => l.StartsWith("mutualaid_board_watchers", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (startedHere) await Script("stop");
    }

    // Release, and no Prometheus: it would be one more process on the measured cores.
    private Task Script(string command) =>
        LocalClusterScript.Run(command, state, new Dictionary<string, string>(ports) { ["CONFIGURATION"] = "Release", ["DASHBOARDS"] = "0" });

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
