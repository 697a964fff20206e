namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>
/// A test silo on the embedded store: grain state and reminders in one SQLite file. Silo
/// configurators are created by type, so the file is set through <see cref="DatabasePath"/> before
/// each start (the tests that use it start their clusters one after another).
/// </summary>
public sealed class SqliteTestSilo : ISiloConfigurator
{
    /// <summary>Tests that set <see cref="DatabasePath"/> share this collection, so they never run at the same time.</summary>
    public const string Collection = "sqlite-silo";

    public static string DatabasePath { get; set; } = "";

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = DatabasePath);
        siloBuilder.AddReminders();
        siloBuilder.AllowHubNoticeReminders();
        siloBuilder.Services.AddSingleton(new SqliteReminderTableOptions { DatabasePath = DatabasePath });
        siloBuilder.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        siloBuilder.Services.AddSingleton(TimeProvider.System);
        // Counts in seconds like a rehearsal network, so a restart test on the real clock can watch a visit alarm happen.
        siloBuilder.Services.Configure<MutualAid.Silo.Hosting.DeadlineOptions>(o => o.Shortest = TimeSpan.FromSeconds(1));
    }
}
