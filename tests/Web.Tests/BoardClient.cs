namespace MutualAid.Web.Tests;

/// <summary>
/// A .NET SignalR board client written the way docs/signalr.md tells integrators to: apply
/// deltas in version order, and fetch a snapshot when a version is missing.
/// </summary>
public sealed class BoardClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly string slug;
    private readonly SemaphoreSlim gate = new(1, 1);

    private BoardClient(HubConnection connection, string slug)
    {
        this.connection = connection;
        this.slug = slug;
    }

    public BoardSnapshot Board { get; private set; } = null!;

    public ConcurrentQueue<long> Applied { get; } = new();

    /// <summary>The versions each applied delta covered, first and last (a front-end merges what arrives during a send).</summary>
    public ConcurrentQueue<(long First, long Last)> Covered { get; } = new();

    public int Resyncs { get; private set; }

    /// <summary>Versions to pretend were lost on the wire, to exercise the resync path.</summary>
    public HashSet<long> Drop { get; } = [];

    public static async Task<BoardClient> Join(HubConnection connection, string slug)
    {
        var client = new BoardClient(connection, slug);
        connection.On<BoardDelta>("delta", client.OnDelta);
        connection.On<BoardSnapshot>("snapshot", s => client.Replace(s));
        await connection.StartAsync();
        client.Board = await connection.InvokeAsync<BoardSnapshot>("JoinHub", slug);
        return client;
    }

    private async Task OnDelta(BoardDelta delta)
    {
        await gate.WaitAsync();
        try
        {
            if (Drop.Remove(delta.Version)) return;
            var next = BoardApplier.Apply(Board, delta);
            if (next is null)
            {
                Resyncs++;
                Board = await connection.InvokeAsync<BoardSnapshot>("GetSnapshot", slug);
                return;
            }

            if (next.Version != Board.Version)
            {
                Applied.Enqueue(delta.Version);
                Covered.Enqueue((delta.FirstVersion(), delta.Version));
            }

            Board = next;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task Replace(BoardSnapshot snapshot)
    {
        await gate.WaitAsync();
        try
        {
            if (snapshot.Version > Board.Version) Board = snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        gate.Dispose();
    }
}
