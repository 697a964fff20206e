namespace MutualAid.EndToEnd;

/// <summary>The real app, started as its own process on loopback ports, with the demo data or from nothing.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly AppOutput output;

    private AppProcess(Process process, Uri baseAddress, string dataFolder)
    {
        this.process = process;
        output = AppOutput.Of(process);
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    /// <summary>The demo sign-ins' password, which the demo seeder writes beside the data.</summary>
    public async Task<string> DemoPassword()
    {
        var file = Path.Combine(DataFolder, "demo-accounts.txt");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(file) && DateTime.UtcNow < deadline) await Task.Delay(100);
        var first = (await File.ReadAllLinesAsync(file))[0];
        return first[(first.LastIndexOf(':') + 1)..].Trim();
    }

    public string Output => output.Text;

    /// <param name="seedDemo">False starts an empty network: no accounts, regions or hubs, as a new operator finds it.</param>
    /// <param name="environment">Production runs it as an operator would: no developer pages, assets from the build.</param>
    /// <param name="settings">More settings ("Section:Key"), given to the app as environment variables.</param>
    public static async Task<AppProcess> Start(bool seedDemo = true, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var root = Repository.Root;
        var port = Ports.Free();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The build output itself, as `dotnet run --no-build` would start it from src/Web, without the
        // project evaluation `dotnet run` does first: 10-12 s of both cores per app on a busy CI run.
        foreach (var arg in new[] { Repository.WebDll, $"--Urls=http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(arg);
        }

        if (seedDemo) info.ArgumentList.Add("--seed-demo");

        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        var dataFolder = Path.Combine(Path.GetTempPath(), "mutualaid-e2e-" + port);
        // The demo app keeps state in memory for speed; an empty network runs on the embedded default (SQLite), as deployed.
        info.Environment["MutualAid__Storage"] = seedDemo ? "Memory" : "Sqlite";
        info.Environment["MutualAid__DataFolder"] = dataFolder;
        info.Environment["MutualAid__SiloPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MutualAid__GatewayPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MutualAid__ServiceId"] = "e2e-" + port;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every browser here signs in from 127.0.0.1: the per-address limits are for the real world.
        info.Environment["MutualAid__SensitivePermits"] = "10000";
        info.Environment["MutualAid__PublicFormPermits"] = "10000";
        // A rehearsal network sees its public figures at once, through the same validated setting an
        // operator has (MutualAid:PublicPages:Fresh, a minute by default): rendered afresh after 2 s.
        info.Environment["MutualAid__PublicPages__Fresh"] = "00:00:02";
        // Likewise a hub may give itself deadlines in steps of 15 s (a minute by default) and a due
        // request looks again every 5 s (MutualAid:Deadlines), so an escalation is seen in seconds.
        info.Environment["MutualAid__Deadlines__Shortest"] = "00:00:15";
        info.Environment["MutualAid__Deadlines__Recheck"] = "00:00:05";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), dataFolder);
        // Two browser queues run at once (BesideBrowserCollection), so an app may start while both cores
        // are busy with the other queue's journey: it is given as long as the benchmark gives its app.
        try
        {
            await app.output.WaitUntilReady(process, app.BaseAddress, seconds: 180);
        }
        catch
        {
            // A fixture that fails to start is never disposed: stop the process here, or it outlives the run.
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public async ValueTask DisposeAsync() => await AppShutdown.Stop(process, DataFolder);
}
