namespace MutualAid.Board;

/// <summary>
/// Implemented once per web process per hub shown (not per browser). One-way so a slow or
/// dead web process can never stall the hub grain; receivers detect gaps by version.
/// </summary>
[Alias("MutualAid.IBoardObserver")]
public interface IBoardObserver : IGrainObserver
{
    [OneWay, Alias("OnBoardDelta")] Task OnBoardDelta(BoardDelta delta);
}
