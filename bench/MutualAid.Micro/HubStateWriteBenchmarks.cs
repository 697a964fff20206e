using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using MutualAid.Requests;
using MutualAid.Silo.Hubs;
using Orleans.Serialization;
using Orleans.Storage;

namespace MutualAid.Micro;

/// <summary>
/// The cost of persisting a hub's board projection once, with the serializer the stores used by
/// default (Newtonsoft JSON through Orleans' JsonGrainStorageSerializer) and with Orleans' binary
/// serializer they use now. A hub that has seen <see cref="RequestsSeen"/> requests held a mark
/// for each; with <see cref="Folded"/> the marks of those off the board beyond the newest
/// <see cref="HubGrain.KeptClosedMarks"/> are folded into counts, as the hub does before it writes.
/// The person index (one entry per person, kept for access and erasure) is still there either way.
/// The group commit makes this a per-batch cost instead of a per-change one.
/// </summary>
[MemoryDiagnoser]
public class HubStateWriteBenchmarks
{
    private OrleansGrainStorageSerializer binary = null!;
    private JsonGrainStorageSerializer json = null!;
    private HubState state = null!;

    [Params(1_000, 10_000, 100_000)]
    public int RequestsSeen { get; set; }

    [Params(false, true)]
    public bool Folded { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        binary = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        json = new JsonGrainStorageSerializer(new OrleansJsonSerializer(Microsoft.Extensions.Options.Options.Create(new OrleansJsonSerializerOptions())));
        state = new HubState { Version = RequestsSeen * 5L };
        for (var i = 0; i < RequestsSeen; i++)
        {
            var open = i % 20 == 0;
            var summary = SampleBoard.Request(i);
            state.Marks[summary.Id] = new RequestMark(5, open ? RequestStatus.Triaged : RequestStatus.Fulfilled) { At = summary.UpdatedAt.AddSeconds(i) };
            if (open) state.Open[summary.Id] = summary;
            state.People[$"key-{i}"] = [summary.Id];
        }

        if (Folded)
        {
            var folding = new MarkFolding();
            folding.Rebuild(state);
            folding.Fold(state, HubGrain.KeptClosedMarks);
        }
    }

    [Benchmark(Baseline = true)]
    public int NewtonsoftJson() => json.Serialize(state).Length;

    [Benchmark]
    public int OrleansBinary() => binary.Serialize(state).Length;
}
