using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MutualAid.Silo.Hosting;
using Orleans.Configuration;
using Orleans.Storage;

namespace MutualAid.Silo.Sqlite.Storage;

/// <summary>
/// Grain state in one SQLite file (WAL), so the embedded deployment needs nothing installed.
/// Every row carries an integer ETag: a write from an activation holding an older ETag is
/// refused with <see cref="InconsistentStateException"/> instead of overwriting newer state.
/// SQLite has one writer at a time, so writes share one connection behind a lock (no busy-retry
/// storms), and those that arrive together commit together (SqliteGrainStorage.Batching.cs); reads
/// use pooled connections and never wait for writers under WAL.
/// Erasure leaves nothing behind: the writer zeroes what it frees (secure_delete), and a write of
/// <see cref="IErasableState"/> asking for it is followed by a truncating checkpoint, so no old
/// row version survives in a freed page or a WAL frame.
/// </summary>
public sealed partial class SqliteGrainStorage(
    string name,
    SqliteGrainStorageOptions options,
    IGrainStorageSerializer serializer,
    IOptions<ClusterOptions> cluster,
    ILogger<SqliteGrainStorage> logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly string serviceId = cluster.Value.ServiceId;
    private const int ScrubAttempts = 5;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private SqliteConnection? writer;
    private string readConnectionString = "";

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{name}", ServiceLifecycleStage.RuntimeInitialize, Init, Close);
    }

    /// <summary>Opens (creating if needed) and checks the database; a bad file or folder stops start-up with a plain message.</summary>
    public async Task Init(CancellationToken cancellationToken = default)
    {
        writer = await OpenChecked(options.DatabasePath, cancellationToken);
        readConnectionString = new SqliteConnectionStringBuilder(writer.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();
        LogOpened(logger, options.DatabasePath);
    }

    /// <summary>
    /// Checks the data folder and file before the host starts, so an operator sees one plain
    /// sentence instead of a silo failing half-way through its start-up.
    /// </summary>
    public static void Preflight(string path)
    {
        using var connection = OpenChecked(path, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static async Task<SqliteConnection> OpenChecked(string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new StartupException("The SQLite grain store has no database path (MutualAid:DataFolder).");
        try
        {
            OwnerOnlyFiles.Prepare(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot create the data folder for '{path}' or make it owner-only: {ex.Message.TrimEnd('.')}. Set MutualAid:DataFolder to a writable folder this account owns.", ex);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await Execute(connection, "PRAGMA busy_timeout=10000;", cancellationToken);
            await Scalar(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            // NORMAL under WAL: a committed write survives a process crash; only power loss can drop the last few.
            await Execute(connection, "PRAGMA synchronous=NORMAL;", cancellationToken);
            // Per connection, and this is the one that writes: freed cells and pages are zeroed, so an
            // old row version never lingers in the file once a checkpoint has brought the change there.
            await Execute(connection, "PRAGMA secure_delete=ON;", cancellationToken);
            var check = await Scalar(connection, "PRAGMA quick_check;", cancellationToken);
            if (!string.Equals(check, "ok", StringComparison.OrdinalIgnoreCase))
            {
                throw new StartupException($"The database '{path}' is damaged (quick_check: {check}). Restore it from a backup or move it aside to start empty.");
            }

            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS grain_state (
                    service_id TEXT NOT NULL, grain_id TEXT NOT NULL, state_name TEXT NOT NULL,
                    state_type TEXT NOT NULL, payload BLOB NOT NULL, etag INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                    PRIMARY KEY (service_id, grain_id, state_name)) WITHOUT ROWID;
                """, cancellationToken);
            // Proves the file is writable now rather than at the first grain write.
            await Execute(connection, "BEGIN IMMEDIATE; COMMIT;", cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is SqliteException or StartupException)
        {
            await connection.DisposeAsync();
            if (ex is StartupException) throw;
            var sqlite = (SqliteException)ex;
            throw new StartupException(sqlite.SqliteErrorCode switch
            {
                26 => $"'{path}' is not a MutualAid database (it may be corrupt). Restore it from a backup or move it aside to start empty.",
                8 or 14 => $"Cannot write to '{path}': {sqlite.Message}. Check the file and folder permissions (MutualAid:DataFolder).",
                _ => $"Cannot open the database '{path}': {sqlite.Message}.",
            }, ex);
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = new SqliteConnection(readConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, etag FROM grain_state WHERE service_id = $s AND grain_id = $g AND state_name = $n;";
        Bind(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            grainState.State = serializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(0)));
            grainState.ETag = reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        // Taken off before the write so a request made while it is in flight (a reentrant hub) is
        // kept for the next one rather than cleared by this one.
        var erasing = grainState.State as IErasableState;
        var scrub = erasing?.ScrubOnNextWrite == true;
        if (scrub) erasing!.ScrubOnNextWrite = false;
        var payload = serializer.Serialize(grainState.State).ToArray();
        var expected = ParseETag(grainState.ETag, stateName, grainId);
        var next = (expected ?? 0) + 1;
        int changed;
        try
        {
            // The checkpoint cannot run inside a transaction, so it follows the commit that holds the write.
            changed = await Write(Upsert, scrub ? AfterCommit : null);
        }
        catch
        {
            if (scrub) erasing!.ScrubOnNextWrite = true;
            throw;
        }

        if (changed == 0)
        {
            if (scrub) erasing!.ScrubOnNextWrite = true;
            throw Inconsistent("write", stateName, grainId, grainState.ETag);
        }

        grainState.ETag = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;

        async Task AfterCommit(SqliteConnection connection, int rows, CancellationToken cancel)
        {
            if (rows > 0 && !await Scrub(connection, cancel))
            {
                erasing!.ScrubOnNextWrite = true; // the row is written; the next write tries the scrub again
            }
        }

        async Task<int> Upsert(SqliteConnection connection, CancellationToken cancel)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = expected is null
                ? """
                  INSERT INTO grain_state (service_id, grain_id, state_name, state_type, payload, etag, updated_at)
                  VALUES ($s, $g, $n, $t, $p, $next, $now) ON CONFLICT DO NOTHING;
                  """
                : "UPDATE grain_state SET payload = $p, etag = $next, state_type = $t, updated_at = $now WHERE service_id = $s AND grain_id = $g AND state_name = $n AND etag = $e;";
            Bind(command, stateName, grainId);
            command.Parameters.AddWithValue("$t", typeof(T).FullName ?? typeof(T).Name);
            command.Parameters.AddWithValue("$p", payload);
            command.Parameters.AddWithValue("$next", next);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            if (expected is { } e) command.Parameters.AddWithValue("$e", e);
            return await command.ExecuteNonQueryAsync(cancel);
        }
    }

    /// <summary>
    /// Copies every WAL frame into the (secure-deleting) main file and empties the WAL, so the
    /// personal data just overwritten is gone from both at once. It waits for readers still on old
    /// frames (busy timeout); false when they outlasted every try.
    /// </summary>
    private async Task<bool> Scrub(SqliteConnection connection, CancellationToken cancel)
    {
        for (var attempt = 1; attempt <= ScrubAttempts; attempt++)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await command.ExecuteReaderAsync(cancel);
                if (await reader.ReadAsync(cancel) && reader.GetInt64(0) == 0) return true;
            }
            catch (SqliteException ex)
            {
                // Never thrown: the row is already committed, and a failed write would leave the grain's ETag behind it.
                LogScrubBusy(logger, attempt, ex);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancel);
        }

        LogScrubDeferred(logger, options.DatabasePath);
        return false;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = ParseETag(grainState.ETag, stateName, grainId);
        var deleted = await Write(async (connection, cancel) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = expected is null
                ? "SELECT COUNT(*) FROM grain_state WHERE service_id = $s AND grain_id = $g AND state_name = $n;"
                : "DELETE FROM grain_state WHERE service_id = $s AND grain_id = $g AND state_name = $n AND etag = $e;";
            Bind(command, stateName, grainId);
            if (expected is { } e) command.Parameters.AddWithValue("$e", e);
            return expected is null ? -Convert.ToInt32(await command.ExecuteScalarAsync(cancel), System.Globalization.CultureInfo.InvariantCulture) : await command.ExecuteNonQueryAsync(cancel);
        });

        // Clearing state we never read is fine when there is none; otherwise the ETag must match.
        if (deleted < 0 || (expected is not null && deleted == 0)) throw Inconsistent("clear", stateName, grainId, grainState.ETag);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    /// <summary>Every stored row of this service, for migrating to another store.</summary>
    public async IAsyncEnumerable<StoredGrainState> ReadAll()
    {
        await using var connection = new SqliteConnection(readConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id, state_name, state_type, payload, etag FROM grain_state WHERE service_id = $s ORDER BY grain_id, state_name;";
        command.Parameters.AddWithValue("$s", serviceId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return new StoredGrainState(reader.GetString(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3),
                reader.GetInt64(4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public async ValueTask DisposeAsync() => await Close(CancellationToken.None);

    private async Task Close(CancellationToken cancellationToken)
    {
        if (writer is null) return;
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await writer.DisposeAsync();
            writer = null;
            SqliteConnection.ClearPool(new SqliteConnection(readConnectionString));
        }
        finally
        {
            writeGate.Release();
        }
    }

    private void Bind(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$s", serviceId);
        command.Parameters.AddWithValue("$g", grainId.ToString());
        command.Parameters.AddWithValue("$n", stateName);
    }

    private long? ParseETag(string? etag, string stateName, GrainId grainId) =>
        etag is null ? null
        : long.TryParse(etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw Inconsistent("use", stateName, grainId, etag);

    private InconsistentStateException Inconsistent(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict on {operation} of '{stateName}' for {grainId} in store '{name}': this activation holds ETag '{etag ?? "(none)"}' but the stored state has changed since.");

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancel);
    }

    private static async Task<string?> Scalar(SqliteConnection connection, string sql, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(cancel))?.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure checkpoint failed (attempt {Attempt})")]
    private static partial void LogScrubBusy(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readers kept the WAL of {Path} busy: erased data stays in it until the next erasing write")]
    private static partial void LogScrubDeferred(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain state in {Path}")]
    private static partial void LogOpened(ILogger logger, string path);
}
