namespace MutualAid.Requests;

/// <summary>
/// A recurring request. Each occurrence is its own request grain (created by this grain), linked
/// back by <see cref="SeriesLink"/>. The only call back is an erased occurrence's one-way notice.
/// A durable reminder creates the next occurrence when it is due, across restarts.
/// </summary>
[Alias("MutualAid.IRequestSeriesGrain")]
public interface IRequestSeriesGrain : IGrainWithGuidKey
{
    /// <summary>Starts the series and creates its first occurrence now.</summary>
    [Alias("Begin")] Task<Result<RequestView>> Begin(NewRequest pattern, RepeatEvery every);

    [Alias("GetView")] Task<SeriesView?> GetView();

    /// <summary>No more occurrences; the ones already made stay as they are.</summary>
    [Alias("StopRepeating")] Task<Result<SeriesView>> StopRepeating(Actor actor);

    /// <summary>Creates the next occurrence if it is due. Driven by the reminder; idempotent.</summary>
    [Alias("CheckDue")] Task CheckDue();

    /// <summary>
    /// An occurrence's requester was erased: no more occurrences, and the pattern forgets who they
    /// are and what they needed. Told by the erased occurrence after its write, at least once and
    /// never awaited in its command (this grain calls occurrences); idempotent.
    /// </summary>
    [Alias("ForgetRequester")] Task ForgetRequester(Actor actor);
}
