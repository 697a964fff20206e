namespace MutualAid.Grains.Tests.Reminders;

public sealed class SqliteReminderTableTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mutualaid-reminders-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(folder, "mutualaid.db");

    private SqliteReminderTable Open(string serviceId = "svc") =>
        new(new SqliteReminderTableOptions { DatabasePath = DatabasePath }, Options.Create(new ClusterOptions { ServiceId = serviceId }));

    private static ReminderEntry Entry(GrainId grain, string name, int minutes = 5) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(minutes),
    };

    [Fact]
    public async Task Rows_round_trip_survive_reopening_and_need_the_current_etag_to_be_removed()
    {
        var grain = GrainId.Create("request", Guid.NewGuid().ToString("N"));
        string etag;
        using (var table = Open())
        {
            await table.Init();
            var first = await table.UpsertRow(Entry(grain, "deadline"));
            etag = (await table.UpsertRow(Entry(grain, "deadline", minutes: 15)))!;
            Assert.NotEqual(first, etag);
            Assert.False(await table.RemoveRow(grain, "deadline", first!)); // stale etag
        }

        using (var reopened = Open())
        {
            await reopened.Init();
            var row = await reopened.ReadRow(grain, "deadline");
            Assert.NotNull(row);
            Assert.Equal(TimeSpan.FromMinutes(15), row.Period);
            Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc), row.StartAt);
            Assert.Equal(grain, row.GrainId);
            Assert.True(await reopened.RemoveRow(grain, "deadline", etag));
            Assert.Null(await reopened.ReadRow(grain, "deadline"));
        }
    }

    [Fact]
    public async Task Ranges_follow_the_ring_including_wrap_around_and_services_are_isolated()
    {
        using var table = Open();
        await table.Init();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("request", $"r{i}")).ToList();
        foreach (var g in grains) await table.UpsertRow(Entry(g, "deadline"));
        using var other = Open("other-service");
        await other.Init();
        await other.UpsertRow(Entry(grains[0], "deadline"));

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var (begin, end) = (hashes[10], hashes[30]);
        var inside = await table.ReadRows(begin, end);
        var wrapped = await table.ReadRows(end, begin);

        Assert.Equal(20, inside.Reminders.Count);
        Assert.All(inside.Reminders, r => Assert.InRange(r.GrainId.GetUniformHashCode(), begin + 1, end));
        Assert.Equal(20, wrapped.Reminders.Count);
        Assert.Equal(40, inside.Reminders.Concat(wrapped.Reminders).Select(r => r.GrainId).Distinct().Count());
        Assert.Single((await table.ReadRows(grains[0])).Reminders);
    }

    [Fact]
    public async Task A_corrupt_file_stops_startup_with_the_path_in_the_message()
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(DatabasePath, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
        using var table = Open();
        var error = await Assert.ThrowsAsync<StartupException>(table.Init);
        Assert.Contains(DatabasePath, error.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
