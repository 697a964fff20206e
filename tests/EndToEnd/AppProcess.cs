using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MutualAid.EndToEnd;

/// <summary>The real app, started as its own process on loopback ports, with the demo data or from nothing.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, Uri baseAddress, string dataFolder)
    {
        this.process = process;
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

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <param name="seedDemo">False starts an empty network: no accounts, regions or hubs, as a new operator finds it.</param>
    /// <param name="environment">Production runs it as an operator would: no developer pages, assets from the build.</param>
    public static async Task<AppProcess> Start(bool seedDemo = true, string environment = "Development")
    {
        var root = RepositoryRoot();
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", "--no-build", "--no-launch-profile", "--project", Path.Combine(root, "src", "Web"), "--", $"--Urls=http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(arg);
        }

        if (seedDemo) info.ArgumentList.Add("--seed-demo");

        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        var dataFolder = Path.Combine(Path.GetTempPath(), "mutualaid-e2e-" + port);
        // The demo app keeps state in memory for speed; an empty network runs on the embedded default (SQLite), as deployed.
        info.Environment["MutualAid__Storage"] = seedDemo ? "Memory" : "Sqlite";
        info.Environment["MutualAid__DataFolder"] = dataFolder;
        info.Environment["MutualAid__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MutualAid__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MutualAid__ServiceId"] = "e2e-" + port;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every browser here signs in from 127.0.0.1: the per-address limits are for the real world.
        info.Environment["MutualAid__SensitivePermits"] = "10000";
        info.Environment["MutualAid__PublicFormPermits"] = "10000";

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), dataFolder);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilReady();
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private async Task WaitUntilReady()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Output}");
            try
            {
                // Ready means the grain layer answers; pages then wait for the demo data themselves.
                if (await http.GetStringAsync(new Uri("/readyz", UriKind.Relative)) == "ready") return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first request while the silo warms up.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not become ready:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MutualAid.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MutualAid.sln not found above the test assembly.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
