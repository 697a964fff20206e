using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MutualAid.Bench;

/// <summary>The real MutualAid web app (co-hosted silo) started as a child process on loopback.</summary>
internal sealed partial class AppUnderTest : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataFolder;

    private AppUnderTest(Process process, Uri url, int gatewayPort, string dataFolder)
    {
        this.process = process;
        Url = url;
        GatewayPort = gatewayPort;
        this.dataFolder = dataFolder;
    }

    public Uri Url { get; }

    public int GatewayPort { get; }

    public int Pid => process.Id;

    public static async Task<AppUnderTest> Start(string storage, string? redis = null, string environment = "Production")
    {
        var root = Root();
        var dll = Path.Combine(root, "src", "Web", "bin", "Release", "net10.0", "MutualAid.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build first: dotnet build -c Release ({dll} is missing).");
        var port = FreePort();
        var gateway = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "mutualaid-bench-" + port);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(root, "src", "Web"), RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["MutualAid__Storage"] = storage;
        info.Environment["MutualAid__BenchmarkBaseline"] = "true";
        if (redis is not null) info.Environment["MutualAid__Redis"] = redis;
        info.Environment["MutualAid__DataFolder"] = data;
        info.Environment["MutualAid__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MutualAid__GatewayPort"] = gateway.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine("app: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppUnderTest(process, new Uri($"http://127.0.0.1:{port}"), gateway, data);
        using var http = new HttpClient { BaseAddress = app.Url };
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("The app exited during start-up.");
            try
            {
                if (await http.GetStringAsync(new Uri("/readyz", UriKind.Relative)) == "ready") return app;
            }
            catch (HttpRequestException)
            {
                // not up yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The app did not become ready.");
    }

    /// <summary>Creates the administrator through the first-run page and returns the sign-in cookie.</summary>
    public async Task<string> SignInAsAdmin()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Url };
        var page = await http.GetStringAsync(new Uri("/setup", UriKind.Relative));
        var token = Token().Match(page).Groups[1].Value;
        var response = await http.PostAsync(new Uri("/setup", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = "bench@example.org",
            ["name"] = "Bench",
            ["password"] = "benchmark-password-" + Guid.NewGuid(),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Setup failed: {response.StatusCode}");
        return cookies.GetCookieHeader(Url);
    }

    /// <summary>Resident memory of the app process, in bytes.</summary>
    public long ResidentBytes() => ProcStatus("VmRSS:") * 1024;

    /// <summary>CPU time the app process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private long ProcStatus(string key)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
        return long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (Directory.Exists(dataFolder)) Directory.Delete(dataFolder, recursive: true);
    }

    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MutualAid.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MutualAid.sln not found.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
