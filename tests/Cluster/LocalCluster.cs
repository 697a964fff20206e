namespace MutualAid.Cluster.Tests;

/// <summary>deploy/local-cluster.sh: a real redis-server, two silo processes and two web front-ends on loopback.</summary>
public sealed class LocalCluster : IAsyncLifetime
{
    public string State { get; } = Path.Combine(Path.GetTempPath(), "mutualaid-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, string> ports;

    public LocalCluster()
    {
        var p = Enumerable.Range(0, 7).Select(_ => Ports.Free()).ToArray();
        ports = new()
        {
            ["REDIS_PORT"] = p[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SILO_PORTS"] = $"{p[1]} {p[2]}",
            ["GATEWAY_PORTS"] = $"{p[3]} {p[4]}",
            ["WEB_PORTS"] = $"{p[5]} {p[6]}",
            ["SEED_DEMO"] = "1",
        };
        Web1 = new Uri($"http://127.0.0.1:{p[5]}");
        Web2 = new Uri($"http://127.0.0.1:{p[6]}");
    }

    public Uri Web1 { get; }
    public Uri Web2 { get; }

    public Task InitializeAsync() => Script("start");

    public Task DisposeAsync() => Script("stop");

    public Task Script(string command) => LocalClusterScript.Run(command, State, ports, Logs);

    /// <summary>SIGKILL: no goodbye to the cluster, exactly like a machine dying.</summary>
    public void Kill(string name)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(State, name + ".pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit();
    }

    public string Logs() => string.Join("\n", Directory.Exists(State)
        ? Directory.GetFiles(State, "*.log").Select(f => $"--- {Path.GetFileName(f)}\n{string.Join("\n", File.ReadLines(f).TakeLast(40))}")
        : []);

    public Task<string> DemoPassword() => ReadDemoPassword(Path.Combine(State, "web1", "demo-accounts.txt"));

    /// <summary>The demo sign-ins' password, from the file the demo seeder writes once the demo people exist.</summary>
    public static async Task<string> ReadDemoPassword(string file)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(file) && DateTime.UtcNow < deadline) await Task.Delay(200);
        var first = (await File.ReadAllLinesAsync(file))[0];
        return first[(first.LastIndexOf(':') + 1)..].Trim();
    }

    /// <summary>An HTTP client signed in through the real login form of one front-end.</summary>
    public async Task<(HttpClient Client, string Cookies)> SignIn(Uri web, string email) =>
        await SignIn(web, email, await DemoPassword()); // the demo people exist once this file does

    /// <summary>An HTTP client signed in through the real login form of <paramref name="web"/>.</summary>
    public static async Task<(HttpClient Client, string Cookies)> SignIn(Uri web, string email, string password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = web };
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = FormToken.In(form);
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["password"] = password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        client.DefaultRequestHeaders.Add("X-MutualAid-Client", "cluster-tests");
        return (client, cookies.GetCookieHeader(web));
    }

    public static HubConnection Board(Uri web, string cookies) => new HubConnectionBuilder()
        .WithUrl(new Uri(web, "/live/board"), o => o.Headers["Cookie"] = cookies)
        .WithAutomaticReconnect()
        .Build();

}
