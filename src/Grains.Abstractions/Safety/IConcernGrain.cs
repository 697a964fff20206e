namespace MutualAid.Safety;

/// <summary>
/// One concern (key: a new Guid). Reached only through the web tier's safeguarding checks; it
/// calls its hub's concern list and safety grain, both leaves, and nothing calls back.
/// </summary>
[Alias("MutualAid.IConcernGrain")]
public interface IConcernGrain : IGrainWithGuidKey
{
    [Alias("Raise")] Task<Result<ConcernView>> Raise(NewConcern concern);

    [Alias("GetView")] Task<ConcernView?> GetView();

    /// <summary>Moves the concern to <paramref name="stage"/> (forward only; conversations repeat) with a note.</summary>
    [Alias("Advance")] Task<Result<ConcernView>> Advance(ConcernStage stage, string note, Actor actor);

    /// <summary>Sets "do not pair" between the raiser and the person the concern is about.</summary>
    [Alias("KeepApart")] Task<Result<ConcernView>> KeepApart(string note, Actor actor);
}
