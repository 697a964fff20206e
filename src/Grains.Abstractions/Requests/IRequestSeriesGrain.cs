namespace MutualAid.Requests;

/// <summary>
/// A recurring request. Each occurrence is its own request grain (created by this grain, which
/// only ever calls request grains, never the other way), linked back by <see cref="SeriesLink"/>.
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
}
