using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MutualAid.Silo.Sqlite.Storage;

/// <summary>
/// Group commit on the one writing connection. SQLite commits one transaction at a time, and each
/// commit costs a WAL append and lock round of its own, whatever it holds; so the writes that arrive
/// while a transaction commits wait and go together in the next one. Each runs in its own savepoint,
/// so a refused or failing write undoes only itself, and no caller hears of its write before the
/// transaction holding it has committed. A write alone commits on its own, as before.
/// </summary>
public sealed partial class SqliteGrainStorage
{
    /// <summary>At most this many writes share a transaction, so one commit never holds a long queue's worth of pages.</summary>
    internal const int MostPerTransaction = 64;

    private readonly Lock queueLock = new();
    private readonly Queue<PendingWrite> queued = new();
    private bool draining;

    /// <summary>Transactions committed so far (for tests and diagnostics): fewer than the writes when they were grouped.</summary>
    internal long Transactions { get; private set; }

    /// <param name="work">The statements of one write; returns the rows it changed.</param>
    /// <param name="afterCommit">Run with the rows once the transaction holding the write has committed (outside any transaction), before the caller hears.</param>
    private Task<int> Write(Func<SqliteConnection, CancellationToken, Task<int>> work, Func<SqliteConnection, int, CancellationToken, Task>? afterCommit = null)
    {
        var pending = new PendingWrite(work, afterCommit);
        bool start;
        lock (queueLock)
        {
            queued.Enqueue(pending);
            start = !draining;
            draining = true;
        }

        if (start) _ = Task.Run(Drain);
        return pending.Done.Task;
    }

    private async Task Drain()
    {
        while (true)
        {
            PendingWrite[] batch;
            lock (queueLock)
            {
                if (queued.Count == 0)
                {
                    draining = false;
                    return;
                }

                batch = new PendingWrite[Math.Min(queued.Count, MostPerTransaction)];
                for (var i = 0; i < batch.Length; i++) batch[i] = queued.Dequeue();
            }

            await writeGate.WaitAsync();
            try
            {
                await Commit(batch);
            }
            catch (Exception ex)
            {
                // Never left unanswered: a caller whose write is in doubt hears that it failed.
                foreach (var pending in batch) pending.Done.TrySetException(ex);
            }
            finally
            {
                writeGate.Release();
            }
        }
    }

    private async Task Commit(PendingWrite[] batch)
    {
        var connection = writer ?? throw new InvalidOperationException("The SQLite grain store is not open.");
        var rows = new int[batch.Length];
        var failed = new Exception?[batch.Length];
        if (batch.Length == 1)
        {
            rows[0] = await batch[0].Work(connection, CancellationToken.None);
        }
        else
        {
            await Execute(connection, "BEGIN IMMEDIATE;", CancellationToken.None);
            try
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    await Execute(connection, "SAVEPOINT one_write;", CancellationToken.None);
                    try
                    {
                        rows[i] = await batch[i].Work(connection, CancellationToken.None);
                    }
                    catch (SqliteException ex)
                    {
                        failed[i] = ex;
                        await Execute(connection, "ROLLBACK TO one_write;", CancellationToken.None);
                    }

                    await Execute(connection, "RELEASE one_write;", CancellationToken.None);
                }

                await Execute(connection, "COMMIT;", CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogBatchFailed(logger, batch.Length, ex);
                await RollBack(connection);
                throw;
            }
        }

        Transactions++;
        for (var i = 0; i < batch.Length; i++)
        {
            if (failed[i] is { } refused)
            {
                batch[i].Done.TrySetException(refused);
                continue;
            }

            try
            {
                if (batch[i].AfterCommit is { } after) await after(connection, rows[i], CancellationToken.None);
                batch[i].Done.TrySetResult(rows[i]);
            }
            catch (Exception ex)
            {
                batch[i].Done.TrySetException(ex);
            }
        }
    }

    private static async Task RollBack(SqliteConnection connection)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open) await Execute(connection, "ROLLBACK;", CancellationToken.None);
        }
        catch (SqliteException)
        {
            // SQLite rolled it back itself (an I/O or full-disk error ends the transaction): nothing is left to undo.
        }
    }

    private sealed record PendingWrite(Func<SqliteConnection, CancellationToken, Task<int>> Work, Func<SqliteConnection, int, CancellationToken, Task>? AfterCommit)
    {
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A transaction of {Writes} grain writes failed and was rolled back; each of their callers hears it")]
    private static partial void LogBatchFailed(ILogger logger, int writes, Exception exception);
}
