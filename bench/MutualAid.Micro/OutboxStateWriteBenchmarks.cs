using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using MutualAid.Common;
using MutualAid.Notifications;
using MutualAid.Silo.Notifications;
using Orleans.Serialization;
using Orleans.Storage;

namespace MutualAid.Micro;

/// <summary>
/// What one write of a busy hub's outbox serialises (Orleans binary, as the stores do), with
/// <see cref="Open"/> messages waiting and a full history (the newest 200 finished whole, 1,800
/// more as keys). "Together": the open state carried the history with every hand, lease and report
/// (main before issue 18's thru18c). "Open": the open state now, holding the open messages and
/// the ten finished ones that wait on average for the history's next write. "History": the
/// history's own write, made once per <see cref="OutboxGrain.FinishedPerHistoryWrite"/> finished messages.
/// </summary>
[MemoryDiagnoser]
public class OutboxStateWriteBenchmarks
{
    private OrleansGrainStorageSerializer binary = null!;
    private object state = null!;

    [Params(50)]
    public int Open { get; set; }

    [Params("Together", "Open", "History")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        binary = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        var at = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var open = Enumerable.Range(0, Open).Select(i => new OutboxEntry(Message(i, at), MessageStatus.Queued, 0, at)).ToArray();
        var whole = Enumerable.Range(0, 200).Select(i => new OutboxEntry(Message(1000 + i, at), MessageStatus.Sent, 1, at)
        {
            Channels = [Channel.Email],
            FinishedAt = at.AddSeconds(i),
            ToName = "Requester",
        }).ToArray();
        var keys = Enumerable.Range(0, 1800).Select(i => new FinishedKey(OutboxKeys.Hash($"key-{i}"), at.AddSeconds(-i))).ToList();
        switch (Shape)
        {
            case "Together":
                var together = new OutboxState { Finished = keys };
                foreach (var entry in open.Concat(whole)) together.Entries[entry.Key] = entry;
                state = together;
                break;
            case "Open":
                var alone = new OutboxState();
                foreach (var entry in open.Concat(whole.Take(OutboxGrain.FinishedPerHistoryWrite / 2))) alone.Entries[entry.Key] = entry;
                state = alone;
                break;
            default:
                var history = new OutboxHistory { Keys = keys };
                foreach (var entry in whole) history.Whole[entry.Key] = entry;
                state = history;
                break;
        }

        Console.WriteLine($"// {Shape}: {binary.Serialize(state).Length:N0} bytes per write");
    }

    [Benchmark]
    public int OrleansBinary() => binary.Serialize(state).Length;

    private static OutboundMessage Message(int i, DateTimeOffset at)
    {
        var request = new Guid(i, 0, 0, new byte[8]);
        var to = Recipient.Requester(request);
        return new OutboundMessage(OutboundMessage.KeyFor(request.ToString("N"), 1, MessageKind.RequestReceived, to), "hub", MessageKind.RequestReceived, to,
            Reason.RequestReceived.Say($"R-{i}"), "en", false, at);
    }
}
