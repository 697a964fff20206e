using BenchmarkDotNet.Attributes;
using MutualAid.Board;
using MutualAid.Requests;

namespace MutualAid.Micro;

/// <summary>
/// Applying one delta to a board: what every web process does for every delta of every hub it
/// shows. <see cref="RebuildEverything"/> is how <see cref="BoardApplier.Apply"/> worked before it
/// learned to leave untouched lists alone, kept here as the baseline.
/// </summary>
[MemoryDiagnoser]
public class BoardApplierBenchmarks
{
    private BoardSnapshot board = null!;
    private BoardDelta delta = null!;

    [Params(50, 500)]
    public int OpenRequests { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        board = SampleBoard.Board(OpenRequests);
        delta = SampleBoard.Delta(board, 1);
    }

    [Benchmark(Baseline = true)]
    public BoardSnapshot RebuildEverything()
    {
        var requests = board.Requests.ToDictionary(r => r.Id);
        var volunteers = board.Volunteers.ToDictionary(v => v.Id);
        var offers = board.Offers.ToDictionary(o => o.Id);
        foreach (var change in delta.Changes)
        {
            if (change is RequestUpserted u) requests[u.Request.Id] = u.Request;
        }

        return board with
        {
            Version = delta.Version,
            Requests = BoardApplier.Order(requests.Values),
            Volunteers = BoardApplier.OrderVolunteers(volunteers.Values),
            Offers = BoardApplier.OrderOffers(offers.Values),
            Counts = delta.Counts,
        };
    }

    [Benchmark]
    public BoardSnapshot? Apply() => BoardApplier.Apply(board, delta);
}
