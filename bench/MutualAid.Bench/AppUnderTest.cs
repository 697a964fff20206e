using System.Diagnostics;
using System.Net;
using MutualAid.TestSupport;

namespace MutualAid.Bench;

/// <summary>The real MutualAid web app (co-hosted silo) started as a child process on loopback.</summary>
internal sealed class AppUnderTest : IAsyncDisposable
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
        var root = Repository.Root;
        var dll = Path.Combine(root, "src", "Web", "bin", "Release", "net10.0", "MutualAid.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build first: dotnet build -c Release ({dll} is missing).");
        var port = Ports.Free();
        var gateway = Ports.Free();
        var data = Path.Combine(Path.GetTempPath(), "mutualaid-bench-" + port);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(root, "src", "Web"), RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["MutualAid__Storage"] = storage;
        info.Environment["MutualAid__BenchmarkBaseline"] = "true";
        if (redis is not null) info.Environment["MutualAid__Redis"] = redis;
        info.Environment["MutualAid__DataFolder"] = data;
        info.Environment["MutualAid__SiloPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["MutualAid__GatewayPort"] = gateway.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        var app = new AppUnderTest(process, new Uri($"http://127.0.0.1:{port}"), gateway, data);
        // Its output is kept for the failure message should it not come up.
        await AppOutput.Of(process).WaitUntilReady(process, app.Url, seconds: 60);
        return app;
    }

    /// <summary>Creates the administrator through the first-run page and returns the sign-in cookie.</summary>
    public async Task<string> SignInAsAdmin()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Url };
        var page = await http.GetStringAsync(new Uri("/setup", UriKind.Relative));
        var token = FormToken.In(page);
        var response = await http.PostAsync(new Uri("/setup", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [FormToken.FieldName] = token,
            ["email"] = "bench@example.org",
            ["name"] = "Bench",
            ["password"] = "benchmark-password-" + Guid.NewGuid(),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Setup failed: {response.StatusCode}");
        return cookies.GetCookieHeader(Url);
    }

    /// <summary>Resident memory of the app process, in bytes.</summary>
    public long ResidentBytes() => ProcStatus("VmRSS:") * 1024;

    /// <summary>Live managed bytes in the app after a full compacting collection (the benchmark-only endpoint forces it).</summary>
    public async Task<long> LiveManagedBytes()
    {
        using var http = new HttpClient { BaseAddress = Url };
        using var response = await http.PostAsync(new Uri("/bench/heap", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return long.Parse(await response.Content.ReadAsStringAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

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

    public async ValueTask DisposeAsync() => await AppShutdown.Stop(process, dataFolder);
}
