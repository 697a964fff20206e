using System.Globalization;
using System.Net.Http.Json;

namespace MutualAid.Bench;

/// <summary>
/// Where the app's resident memory is, read right after a forced full collection: anonymous (managed
/// heap, thread stacks, native buffers), file-backed (mapped assemblies), shared (the runtime's
/// double-mapped code), the thread count, and what the collector had committed against what it held
/// (the <c>/bench/gc</c> endpoint; null from a build without it). Two readings, before and after the
/// tabs open, split a tab's resident cost into the collector's part and the rest.
/// </summary>
internal sealed record Footprint(long Resident, long Anonymous, long File, long Shared, long Threads, long? GcCommitted, long? GcHeap, long? JitMethods)
{
    public static async Task<Footprint> Read(AppUnderTest app)
    {
        using var http = new HttpClient { BaseAddress = app.Url };
        using var response = await http.GetAsync(new Uri("/bench/gc", UriKind.Relative));
        var gc = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<GcFigures>() : null;
        var runtime = await ServerRuntime.Read(app.Url);
        var status = ProcessLoad.Status(app.Pid);
        return new(status["VmRSS"], status["RssAnon"], status["RssFile"], status["RssShmem"], status["Threads"], gc?.CommittedBytes, gc?.HeapBytes, runtime?.JitCompiledMethods);
    }

    /// <summary>Per tab between two readings, in KB (threads as a count).</summary>
    public static string PerTab(Footprint before, Footprint after, int tabs)
    {
        string Kb(long b, long a) => ((a - b) / 1024.0 / tabs).ToString("0", CultureInfo.InvariantCulture);
        var gc = before.GcCommitted is { } c0 && after.GcCommitted is { } c1 && before.GcHeap is { } h0 && after.GcHeap is { } h1
            ? $", GC committed {Kb(c0, c1)} (heap {Kb(h0, h1)}), anonymous outside the GC's commit {Kb(before.Anonymous - c0, after.Anonymous - c1)}"
            : "";
        return $"per tab: anonymous {Kb(before.Anonymous, after.Anonymous)} KB{gc}, file {Kb(before.File, after.File)}, shared {Kb(before.Shared, after.Shared)}; " +
            $"threads {before.Threads} → {after.Threads}; methods JIT-compiled meanwhile {after.JitMethods - before.JitMethods}";
    }

    private sealed record GcFigures(long CommittedBytes, long HeapBytes, long FragmentedBytes);
}
