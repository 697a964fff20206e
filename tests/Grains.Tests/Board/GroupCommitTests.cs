namespace MutualAid.Grains.Tests.Board;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Items_that_arrive_during_a_commit_go_together_in_the_next_one()
    {
        var (commit, batches, gate) = FirstWriteWaits(fails: false);

        var first = commit.Enqueue([1]);
        var second = commit.Enqueue([2]);
        var third = commit.Enqueue([3, 4]);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        gate.SetResult();
        await Task.WhenAll(first, second, third);

        Assert.Equal([[1], [2, 3, 4]], batches);
        Assert.Equal(2, commit.Batches);
    }

    [Fact]
    public async Task A_failed_commit_fails_only_its_own_callers_and_the_next_batch_still_runs()
    {
        var (commit, batches, gate) = FirstWriteWaits(fails: true);

        var failed = commit.Enqueue([1]);
        var later = commit.Enqueue([2]);
        gate.SetResult();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal("store unavailable", error.Message);
        await later;
        Assert.Equal([[1], [2]], batches);

        // Idle again: the next item starts a fresh commit at once.
        await commit.Enqueue([3]);
        Assert.Equal([3], batches[^1]);
    }

    /// <summary>A commit whose first write is slow, waiting for the gate (and then fails, if asked); every batch it writes is recorded.</summary>
    private static (GroupCommit<int> Commit, List<int[]> Batches, TaskCompletionSource Gate) FirstWriteWaits(bool fails)
    {
        var batches = new List<int[]>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<int>(async batch =>
        {
            batches.Add([.. batch]);
            if (batches.Count > 1) return;
            await gate.Task;
            if (fails) throw new InvalidOperationException("store unavailable");
        });
        return (commit, batches, gate);
    }
}
