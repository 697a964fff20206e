namespace MutualAid.Silo.Hubs;

/// <summary>
/// Group commit for a single-threaded owner (a grain's turns): items enqueued while a commit is in
/// flight are gathered and committed together by the next one. Each caller's task completes when
/// the batch holding its items has been committed. Not thread-safe by design: it relies on the
/// grain running one turn at a time.
/// </summary>
internal sealed class GroupCommit<T>(Func<IReadOnlyList<T>, Task> commit)
{
    private readonly List<T> pending = [];
    private TaskCompletionSource? next;
    private bool draining;

    /// <summary>Batches committed so far (for tests and diagnostics).</summary>
    public long Batches { get; private set; }

    public Task Enqueue(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        pending.AddRange(items);
        next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = next.Task;
        if (!draining)
        {
            draining = true;
            _ = Drain();
        }

        return mine;
    }

    private async Task Drain()
    {
        try
        {
            while (next is { } done)
            {
                next = null;
                var batch = pending.ToArray();
                pending.Clear();
                try
                {
                    await commit(batch);
                    Batches++;
                    done.SetResult();
                }
                catch (Exception ex)
                {
                    // The callers of this batch see the failure; later batches still get their own try.
                    done.SetException(ex);
                }
            }
        }
        finally
        {
            draining = false;
        }
    }
}
