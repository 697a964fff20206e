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

    [Fact]
    public async Task A_flood_of_readiness_checks_writes_the_probe_row_at_most_once()
    {
        using var client = factory.CreateClient();
        Assert.Equal((HttpStatusCode.OK, "ready"), await Get(client, "/readyz"));
        var before = await ProbeETag();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Get(client, "/readyz")));

        Assert.All(answers, answer => Assert.Equal((HttpStatusCode.OK, "ready"), answer));
        Assert.InRange(await ProbeETag() - before, 0, 1);
    }

    [Fact]
    public async Task A_store_that_refuses_the_probes_write_is_not_ready_and_readiness_returns_with_it()
    {
        using var client = factory.CreateClient();
        await Sql("""
            CREATE TRIGGER refuse_probe_insert BEFORE INSERT ON grain_state WHEN NEW.state_name = 'healthProbe' BEGIN SELECT RAISE(ABORT, 'refused'); END;
            CREATE TRIGGER refuse_probe_update BEFORE UPDATE ON grain_state WHEN NEW.state_name = 'healthProbe' BEGIN SELECT RAISE(ABORT, 'refused'); END;
            """);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get(client, "/readyz")).Item1);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get(client, "/readyz")).Item1); // a failure is not kept as anything else

        await Sql("DROP TRIGGER refuse_probe_insert; DROP TRIGGER refuse_probe_update;");
        Assert.Equal((HttpStatusCode.OK, "ready"), await Get(client, "/readyz"));
    }

    /// <summary>The probe row's ETag, which the store advances by one on each write.</summary>
    private async Task<long> ProbeETag() =>
        Convert.ToInt64(await Sql("SELECT etag FROM grain_state WHERE state_name = 'healthProbe';"), CultureInfo.InvariantCulture);

    private async Task<object?> Sql(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Directory.GetFiles(folder, "*.db").Single()};Pooling=False;Default Timeout=10");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<(HttpStatusCode, string)> Get(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
