using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using MutualAid.Board;
using Orleans.Serialization;

namespace MutualAid.Micro;

/// <summary>
/// One board delta on its two wires: Orleans' binary codec (hub grain → each web process's
/// observer) and SignalR's JSON protocol (web process → every board client; serialised once per
/// group send). A single change is the trickle case; 20 changes is a group-committed batch.
/// </summary>
[MemoryDiagnoser]
public class DeltaSerialisationBenchmarks
{
    // SignalR's JSON hub protocol defaults: camelCase names.
    private static readonly JsonSerializerOptions SignalRJson = new(JsonSerializerDefaults.Web);
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
    private Serializer orleans = null!;
    private BoardDelta delta = null!;

    [Params(1, 20)]
    public int Changes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        orleans = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        delta = SampleBoard.Delta(SampleBoard.Board(50), Changes);
    }

    [Benchmark]
    public int SignalRJsonBytes()
    {
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer);
        JsonSerializer.Serialize(writer, delta, SignalRJson);
        return (int)writer.BytesCommitted;
    }

    [Benchmark]
    public int OrleansBinaryBytes()
    {
        buffer.ResetWrittenCount();
        orleans.Serialize(delta, buffer);
        return buffer.WrittenCount;
    }
}
