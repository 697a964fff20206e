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

    /// <param name="night">
    /// Whether the run falls in the hubs' quiet hours (every non-critical message waits in the outbox
    /// for the morning) or outside them (each goes to the sender at once). Both are set around the
    /// clock now, so a run measures the same work at any hour: the figures of a run at 23:00 and one
    /// at 12:00 UTC differed by the outbox's night, not by the change measured.
    /// </param>
    public static async Task<AppUnderTest> Start(string storage, string? redis = null, string environment = "Production", bool night = false)
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
        var now = TimeOnly.FromDateTime(DateTime.UtcNow);
        // The benchmark's hubs keep UTC. Night: quiet from an hour ago for twelve hours. Day: a quiet
        // minute twelve hours away (the settings refuse an empty span).
        var (from, to) = night ? (now.AddHours(-1), now.AddHours(11)) : (now.AddHours(12), now.AddHours(12).AddMinutes(1));
        info.Environment["Notifications__QuietHours__From"] = from.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Notifications__QuietHours__To"] = to.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(info)!;
        var app = new AppUnderTest(process, new Uri($"http://127.0.0.1:{port}"), gateway, data);
        // Its output is kept for the failure message should it not come up.
        // Generous: on a machine busy with other builds the app's start-up JIT alone can take over a
        // minute, and how long it takes to start is not what is measured.
        await AppOutput.Of(process).WaitUntilReady(process, app.Url, seconds: 180);
        return app;
    }

    /// <summary>Creates the administrator through the first-run page and returns the sign-in cookie.</summary>
    public Task<string> SignInAsAdmin() => SetUp(Url, "benchmark-password-" + Guid.NewGuid());

    /// <summary>Creates the administrator (bench@example.org) through the first-run page of <paramref name="url"/> and returns the sign-in cookie.</summary>
    public static Task<string> SetUp(Uri url, string password) => PostForm(url, "/setup", new() { ["email"] = AdminEmail, ["name"] = "Bench", ["password"] = password });

    /// <summary>Signs the administrator in through the sign-in form of <paramref name="url"/> (a front-end where it was not set up) and returns the cookie.</summary>
    public static Task<string> SignIn(Uri url, string password) => PostForm(url, "/account/login", new() { ["email"] = AdminEmail, ["password"] = password });

    private const string AdminEmail = "bench@example.org";

    private static async Task<string> PostForm(Uri url, string path, Dictionary<string, string> fields)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = url };
        var page = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        fields[FormToken.FieldName] = FormToken.In(page);
        var response = await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{path} on {url} failed: {response.StatusCode}");
        return cookies.GetCookieHeader(url);
    }

    /// <summary>Resident memory of the app process, in bytes.</summary>
    public long ResidentBytes() => ProcessLoad.ResidentBytes(process.Id);

    /// <summary>Live managed bytes in the app after a full compacting collection (the benchmark-only endpoint forces it).</summary>
    public async Task<long> LiveManagedBytes()
    {
        using var http = new HttpClient { BaseAddress = Url };
        using var response = await http.PostAsync(new Uri("/bench/heap", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return long.Parse(await response.Content.ReadAsStringAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>CPU time the app process has used so far.</summary>
    public TimeSpan CpuTime() => ProcessLoad.CpuTime(process.Id);

    public async ValueTask DisposeAsync() => await AppShutdown.Stop(process, dataFolder);
}
