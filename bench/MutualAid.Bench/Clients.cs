using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace MutualAid.Bench;

/// <summary>
/// Many SignalR connections in this process. Each records, for every message, the time from when
/// the matching command was sent (same clock, same process) to its arrival.
/// </summary>
internal sealed class Clients : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly List<HubConnection> connections = [];
    private readonly List<List<double>> latencies = [];

    private Clients(Sent sent) => Sent = sent;

    /// <summary>When each command was sent; clients of one hub on several front-ends share one.</summary>
    public Sent Sent { get; }

    public int Count => connections.Count;

    public long Received => latencies.Sum(l => (long)l.Count);

    /// <summary>Mean size of the messages client 0 received since the last <see cref="Reset"/> (0 before any).</summary>
    public int MessageBytes => FirstClientMessages == 0 ? 0 : (int)(Interlocked.Read(ref firstClientBytes) / FirstClientMessages);

    private long firstClientMessages;
    private long firstClientBytes;

    /// <summary>
    /// Messages client 0 received since the last <see cref="Reset"/>: per command, how many
    /// broadcasts the server sent a board, a count the machine's load does not change.
    /// </summary>
    public long FirstClientMessages => Interlocked.Read(ref firstClientMessages);

    /// <remarks>
    /// Clients bind each message to <typeparamref name="T"/>, a type holding only the fields the keys
    /// need, as a lightweight wall display would: parsing whole messages into documents cost the
    /// harness more CPU than the server spent producing them, on the same two cores. Client 0 also
    /// reads each whole message, to report their mean size.
    /// </remarks>
    public static async Task<Clients> Connect<T>(Uri url, string path, string? cookies, int count, string method, Func<T, IEnumerable<string>> keysOf, Func<HubConnection, Task> join, Sent? sent = null)
    {
        var clients = new Clients(sent ?? new Sent());
        for (var start = 0; start < count; start += 50)
        {
            var batch = Enumerable.Range(start, Math.Min(50, count - start)).Select(async index =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(url, path), o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        if (cookies is not null) o.Headers["Cookie"] = cookies;
                    })
                    .Build();
                var mine = new List<double>();
                var shown = new Shown(clients.Sent);
                void Record(T message)
                {
                    var at = System.Diagnostics.Stopwatch.GetTimestamp();
                    foreach (var key in keysOf(message))
                    {
                        foreach (var sent in shown.Answered(key)) mine.Add(System.Diagnostics.Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
                    }
                }

                if (index == 0)
                {
                    connection.On<JsonElement>(method, message =>
                    {
                        // The mean, not the first: the first deltas after joining come merged, and a lifecycle's
                        // steps differ in size (a new row, an assignment with its volunteer, a removal).
                        Interlocked.Add(ref clients.firstClientBytes, message.GetRawText().Length);
                        Interlocked.Increment(ref clients.firstClientMessages);
                        Record(message.Deserialize<T>(Web)!);
                    });
                }
                else
                {
                    connection.On<T>(method, Record);
                }

                await connection.StartAsync();
                await join(connection);
                lock (clients)
                {
                    clients.connections.Add(connection);
                    clients.latencies.Add(mine);
                }
            });
            await Task.WhenAll(batch);
        }

        return clients;
    }

    public double[] Latencies()
    {
        lock (this) return latencies.SelectMany(l => l.ToArray()).ToArray();
    }

    public void Reset()
    {
        lock (this)
        {
            foreach (var l in latencies) l.Clear();
            Interlocked.Exchange(ref firstClientMessages, 0);
            Interlocked.Exchange(ref firstClientBytes, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
    }
}

/// <summary>
/// What one client's board now shows, so a command is answered once, by the first message that shows its
/// version or a later one. A front-end sends each row once per send, as it last stood (BoardApplier.Merge):
/// a request triaged and assigned within one send arrives assigned, and that message shows the triage too.
/// Keys are "{id}:{version}" and "{id}:removed" (see Driver.KeysOf); any other key stands alone.
/// </summary>
internal sealed class Shown(Sent sent)
{
    private readonly Dictionary<string, int> versionShown = new(StringComparer.Ordinal);

    /// <summary>When each command the key answers was sent: its own, and the earlier versions of its row not yet shown.</summary>
    public IEnumerable<long> Answered(string key)
    {
        var colon = key.LastIndexOf(':');
        if (colon < 0) return sent.TryGet(key, out var alone) ? [alone] : [];
        var (row, what) = (key[..colon], key[(colon + 1)..]);
        var from = versionShown.GetValueOrDefault(row) + 1;
        var removed = what == "removed";
        var to = removed ? int.MaxValue : int.TryParse(what, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        if (to == 0) return sent.TryGet(key, out var other) ? [other] : [];
        var answered = new List<long>();
        for (var version = from; version <= to; version++)
        {
            // A removal answers the versions before it that were sent; the first never sent ends them.
            if (sent.TryGet($"{row}:{version}", out var at)) answered.Add(at);
            else if (removed) break;
        }

        if (removed)
        {
            versionShown.Remove(row); // the row is gone: nothing more to remember of it
            if (sent.TryGet(key, out var at)) answered.Add(at);
        }
        else if (to >= from)
        {
            versionShown[row] = to;
        }

        return answered;
    }
}

/// <summary>When each command (or baseline message) was sent, by key.</summary>
internal sealed class Sent
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> at = new(StringComparer.Ordinal);

    public void Mark(string key) => at[key] = System.Diagnostics.Stopwatch.GetTimestamp();

    public bool TryGet(string key, out long timestamp) => at.TryGetValue(key, out timestamp);
}
