namespace MutualAid.Grains.Tests.Board;

/// <summary>A receiver as every real one is built: deltas go through a <see cref="DeltaSequencer"/>.</summary>
public sealed class TestBoardObserver(long snapshotVersion = 0) : IBoardObserver
{
    /// <summary>A new observer on a hub's board, subscribed and started at the snapshot the hub gave it.</summary>
    public static async Task<(TestBoardObserver Observer, IBoardObserver Reference, BoardSnapshot Initial)> Subscribe(IGrainFactory grains, string hub)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var observer = new TestBoardObserver();
        var reference = grains.CreateObjectReference<IBoardObserver>(observer);
        var initial = await grains.GetGrain<IHubGrain>(hub).Subscribe(reference);
        observer.Start(initial.Version);
        return (observer, reference, initial);
    }

    private readonly Lock gate = new();

    public DeltaSequencer Sequencer { get; } = new(snapshotVersion);

    /// <summary>Deltas in the order the sequencer released them.</summary>
    public ConcurrentQueue<BoardDelta> Deltas { get; } = new();

    /// <summary>Deltas in the order they arrived.</summary>
    public ConcurrentQueue<long> Arrivals { get; } = new();

    public Task OnBoardDelta(BoardDelta delta)
    {
        lock (gate)
        {
            Arrivals.Enqueue(delta.Version);
            foreach (var ready in Sequencer.Accept(delta, DateTimeOffset.UtcNow)) Deltas.Enqueue(ready);
        }

        return Task.CompletedTask;
    }

    public void Start(long snapshotVersion)
    {
        lock (gate) Sequencer.Reset(snapshotVersion, DateTimeOffset.UtcNow);
    }
}
