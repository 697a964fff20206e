using MutualAid.Board;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// A volunteer's own notice usually comes a moment before the notice of the request it was
/// reserved for or finished (the request grain calls the volunteer, then writes and announces
/// itself). Published at once, each would be its own version: two writes, and two deltas sent to
/// every open board one after the other, the request's waiting behind the volunteer's
/// (docs/benchmarks.md, branch fast18d). So when no write is in flight a volunteer's change waits
/// a moment in the open version, and the request's change, if it comes meanwhile, joins it: one
/// write, one delta. Every caller still hears only once its change is kept.
/// </summary>
public sealed partial class HubGrain
{
    /// <summary>
    /// How long a volunteer's change waits for company. Real time, not the hub's clock: it is a
    /// batching window of the process, not a rule of the network (a frozen test clock must not hold it).
    /// </summary>
    internal static readonly TimeSpan VolunteerLinger = TimeSpan.FromMilliseconds(40);

    private List<PendingChange>? lingering;
    private TaskCompletionSource? lingered;

    /// <summary>
    /// Like <see cref="Publish"/>, but when no write is in flight the changes wait up to
    /// <see cref="VolunteerLinger"/> for the next <see cref="Publish"/> to take them along. While a
    /// write is in flight group commit already gathers what comes meanwhile.
    /// </summary>
    private Task PublishSoon(IReadOnlyList<BoardChange> changes)
    {
        if (committer!.Busy) return Publish(changes);
        var version = OpenVersion();
        (lingering ??= []).AddRange(changes.Select(c => new PendingChange(version, c)));
        if (lingered is { } waiting) return waiting.Task;
        var mine = lingered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = FlushAfterLinger(mine);
        return mine.Task;
    }

    private async Task FlushAfterLinger(TaskCompletionSource mine)
    {
        await Task.Delay(VolunteerLinger);
        // Taken along by a publish meanwhile (and perhaps a new wait begun since, with its own timer).
        if (lingered != mine) return;
        await Enqueue([]);
    }

    /// <summary>Hands pending changes to the group commit, with any lingering ones before them (same or older version).</summary>
    private Task Enqueue(IReadOnlyList<PendingChange> items)
    {
        if (lingering is not { } early || lingered is not { } waiting) return committer!.Enqueue(items);
        lingering = null;
        lingered = null;
        early.AddRange(items);
        var kept = committer!.Enqueue(early);
        _ = Forward(kept, waiting);
        return kept;
    }

    private static async Task Forward(Task kept, TaskCompletionSource waiting)
    {
        try
        {
            await kept;
            waiting.SetResult();
        }
        catch (Exception ex)
        {
            waiting.SetException(ex);
        }
    }
}
