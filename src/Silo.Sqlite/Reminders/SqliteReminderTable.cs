using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MutualAid.Silo.Hosting;

namespace MutualAid.Silo.Sqlite.Reminders;

/// <summary>
/// Orleans reminders kept in the same SQLite file as grain state, so a deadline set before a
/// restart still fires after it on the embedded single-machine deployment. Deadlines are coarse
/// (minutes); the busiest reminders are the few-second "hub-notice" marks an entity holds while its
/// boards confirm a change (HubDelivery), one register and one removal per burst of changes, so one
/// connection behind a lock is plenty as long as a commit does not wait for the disk.
/// </summary>
public sealed class SqliteReminderTable(SqliteReminderTableOptions options, IOptions<Orleans.Configuration.ClusterOptions> cluster)
    : IReminderTable, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string serviceId = cluster.Value.ServiceId;
    private SqliteConnection? connection;

    public async Task Init()
    {
        try
        {
            MutualAid.Silo.Sqlite.Storage.OwnerOnlyFiles.Prepare(options.DatabasePath);
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = options.DatabasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString());
            await connection.OpenAsync();
            // Per connection, like the grain store's writer: nothing freed in the shared file lingers there.
            // NORMAL under WAL, as the grain store: a committed row survives a process crash (what the
            // hub-notice marks are for) without an fsync per commit, which cost a quarter of the SQLite
            // throughput (docs/benchmarks.md).
            await Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA secure_delete=ON;");
            await Execute("""
                CREATE TABLE IF NOT EXISTS reminders (
                    service_id TEXT NOT NULL, grain_id TEXT NOT NULL, reminder_name TEXT NOT NULL,
                    grain_hash INTEGER NOT NULL, start_at INTEGER NOT NULL, period INTEGER NOT NULL, etag TEXT NOT NULL,
                    PRIMARY KEY (service_id, grain_id, reminder_name));
                CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);
                """);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"Cannot use the reminder table in '{options.DatabasePath}': {ex.Message}. Check that the data folder is writable and the file is a MutualAid database.", ex);
        }
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Query("grain_id = $grain", c => c.Parameters.AddWithValue("$grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => begin < end
        ? Query("grain_hash > $begin AND grain_hash <= $end", c => AddRange(c, begin, end))
        : Query("(grain_hash > $begin OR grain_hash <= $end)", c => AddRange(c, begin, end));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await Query("grain_id = $grain AND reminder_name = $name", c =>
        {
            c.Parameters.AddWithValue("$grain", grainId.ToString());
            c.Parameters.AddWithValue("$name", reminderName);
        });
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.NewGuid().ToString("N");
        await Locked(async c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = """
                INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period, etag)
                VALUES ($service, $grain, $name, $hash, $start, $period, $etag)
                ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                    grain_hash = excluded.grain_hash, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag;
                """;
            command.Parameters.AddWithValue("$service", serviceId);
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", entry.StartAt.ToUniversalTime().Ticks);
            command.Parameters.AddWithValue("$period", entry.Period.Ticks);
            command.Parameters.AddWithValue("$etag", etag);
            await command.ExecuteNonQueryAsync();
            return 0;
        });
        return etag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => Locked(async c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "DELETE FROM reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name AND etag = $etag;";
        command.Parameters.AddWithValue("$service", serviceId);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        command.Parameters.AddWithValue("$etag", eTag);
        return await command.ExecuteNonQueryAsync() > 0;
    });

    public Task TestOnlyClearTable() => Locked(async c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "DELETE FROM reminders WHERE service_id = $service;";
        command.Parameters.AddWithValue("$service", serviceId);
        return await command.ExecuteNonQueryAsync();
    });

    public void Dispose()
    {
        connection?.Dispose();
        gate.Dispose();
    }

    private static void AddRange(SqliteCommand command, uint begin, uint end)
    {
        command.Parameters.AddWithValue("$begin", (long)begin);
        command.Parameters.AddWithValue("$end", (long)end);
    }

    private Task<ReminderTableData> Query(string where, Action<SqliteCommand> bind) => Locked(async c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT grain_id, reminder_name, start_at, period, etag FROM reminders WHERE service_id = $service AND {where};";
        command.Parameters.AddWithValue("$service", serviceId);
        bind(command);
        var entries = new List<ReminderEntry>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return new ReminderTableData(entries);
    });

    private async Task Execute(string sql)
    {
        using var command = connection!.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> Locked<T>(Func<SqliteConnection, Task<T>> work)
    {
        await gate.WaitAsync();
        try
        {
            return await work(connection ?? throw new InvalidOperationException("The reminder table is not initialised."));
        }
        finally
        {
            gate.Release();
        }
    }
}

public sealed class SqliteReminderTableOptions
{
    public string DatabasePath { get; set; } = "";
}
