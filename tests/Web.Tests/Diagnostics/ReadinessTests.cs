namespace MutualAid.Web.Tests.Diagnostics;

/// <summary>Readiness means the network can keep what it is told: on the embedded store, a read-only data file is not ready.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mutualaid-ready-" + Guid.NewGuid().ToString("N"));
    private WebAppFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new WebAppFactory(new Dictionary<string, string> { ["MutualAid:Storage"] = "Sqlite", ["MutualAid:Reminders"] = "Sqlite", ["MutualAid:DataFolder"] = folder });
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Readiness_turns_unready_while_the_SQLite_file_is_read_only_and_liveness_stays_up()
    {
        using var client = factory.CreateClient();
        var file = Directory.GetFiles(folder, "*.db").Single();
        Assert.Equal((HttpStatusCode.OK, "ready"), await Get(client, "/readyz"));

        var mode = File.GetUnixFileMode(file);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        try
        {
            var (status, text) = await Get(client, "/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("read-only", text, StringComparison.Ordinal);
            Assert.Equal((HttpStatusCode.OK, "ok"), await Get(client, "/healthz"));
        }
        finally
        {
            File.SetUnixFileMode(file, mode);
        }

        Assert.Equal((HttpStatusCode.OK, "ready"), await Get(client, "/readyz"));
    }

    private static async Task<(HttpStatusCode, string)> Get(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
