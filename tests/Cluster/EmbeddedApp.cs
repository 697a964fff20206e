namespace MutualAid.Cluster.Tests;

/// <summary>
/// The one-machine deployment as an operator runs it: the web app's build output started directly
/// (one process, so SIGKILL kills the silo and the web tier at once), Production, embedded SQLite in
/// a data folder that outlives each process.
/// </summary>
public sealed class EmbeddedApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly AppOutput output;
    private bool disposed;

    private EmbeddedApp(Process process, Uri baseAddress)
    {
        this.process = process;
        output = AppOutput.Of(process);
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output => output.Text;

    /// <summary>The build output (bin/&lt;Configuration&gt;), demo data, Production.</summary>
    /// <param name="settings">More settings ("Section:Key"), given to the app as environment variables.</param>
    public static Task<EmbeddedApp> Start(string dataFolder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var root = Repository.Root;
        return Start(dataFolder, [Repository.WebDll, "--seed-demo"], Path.Combine(root, "src", "Web"), "Production", settings);
    }

    /// <param name="arguments">What follows <c>dotnet</c>; the listening address is added.</param>
    /// <param name="environment">Null leaves it to the launch profile, as the README's command does.</param>
    public static async Task<EmbeddedApp> Start(string dataFolder, IEnumerable<string> arguments, string workingDirectory, string? environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var port = Ports.Free();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var listen = $"http://127.0.0.1:{port}";
        var given = arguments.ToList();
        foreach (var arg in given) info.ArgumentList.Add(arg);
        // `dotnet run` sets the launch profile's address over the environment's, so it is told on the
        // command line; a build or publish gets it as deploy/web.Dockerfile gives it, from the
        // environment (an app whose appsettings.json named an address listened there instead).
        if (given.FirstOrDefault() == "run") info.ArgumentList.Add("--Urls=" + listen);
        else info.Environment["ASPNETCORE_URLS"] = listen;
        if (environment is not null) info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        else info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment["MutualAid__Storage"] = "Sqlite";
        info.Environment["MutualAid__DataFolder"] = dataFolder;
        info.Environment["MutualAid__SiloPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MutualAid__GatewayPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MutualAid__ServiceId"] = "app-" + Path.GetFileName(dataFolder);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["MutualAid__SensitivePermits"] = "10000";
        info.Environment["MutualAid__PublicFormPermits"] = "10000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var app = new EmbeddedApp(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await app.output.WaitUntilReady(process, app.BaseAddress);
        }
        catch
        {
            // A fixture that fails to start is never disposed: stop the process here, or it outlives the run.
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>SIGKILL: no shutdown, no flush, exactly like the power going.</summary>
    public async Task Kill()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>
    /// Once only: a crash test lets go of a killed app, then starts the next; when that start fails, its
    /// finally disposes the killed one again, and a second Stop threw over the start's own error.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        await AppShutdown.Stop(process);
    }
}
