using System.Text.Json;
using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Bench;

/// <summary>Drives request lifecycles (create → triage → assign → start → fulfil) straight on the grains, marking when each command is sent.</summary>
internal sealed class Driver(IGrainFactory grains, Sent sent)
{
    private static readonly Actor Bench = new("bench", "Benchmark");
    private readonly List<Guid> volunteers = [];

    /// <summary>Milliseconds from sending each command to its answer (the request grain wrote it and sent its notice).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<double> Answered { get; } = new();
    private int next;

    public static async Task<string> Hub(IGrainFactory grains, string slug)
    {
        await grains.GetGrain<IRegionGrain>("bench").Configure("Bench region", Bench);
        var result = await grains.GetGrain<IHubGrain>(slug).Configure(new HubSettings("Bench " + slug, "bench"), Bench);
        if (!result.IsOk) throw new InvalidOperationException(result.Message);
        return slug;
    }

    public async Task AddVolunteers(string hub, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            // Rest after a full day, not eight hours: a benchmark volunteer does hundreds of quarter-hour
            // jobs, and the rest rule (a real limit for real people) must not be what ends a run.
            await grains.GetGrain<IVolunteerGrain>(id).Register(new VolunteerProfile($"V{i}", [hub], [RequestCategory.Food], ["English"], true, 50, 80) { RestAfterHoursInADay = 24 }, Bench);
            volunteers.Add(id);
        }
    }

    /// <summary>Creates one open request on the hub.</summary>
    public async Task Create(string hub)
    {
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IRequestGrain>(id).Create(new NewRequest(hub, RequestCategory.Food, Urgency.Normal, $"Area {id:N}"[..12], "Food parcel",
            new ContactDetails("Bench Person", null, $"{id:N}@bench.example", null), RequestSource.Import, Bench));
        if (!result.IsOk) throw new InvalidOperationException(result.Message);
    }

    /// <summary>One whole lifecycle: five commands, each awaited, each marked when sent. Returns commands completed.</summary>
    public async Task<int> Lifecycle(string hub, Func<Task>? pace = null)
    {
        var id = Guid.NewGuid();
        var grain = grains.GetGrain<IRequestGrain>(id);
        var volunteer = volunteers[Interlocked.Increment(ref next) % volunteers.Count];
        var steps = new Func<int, Task<Result<RequestView>>>[]
        {
            _ => grain.Create(new NewRequest(hub, RequestCategory.Food, Urgency.Normal, $"Area {id:N}"[..12], "Food parcel",
                new ContactDetails("Bench Person", null, $"{id:N}@bench.example", null), RequestSource.Import, Bench)),
            v => grain.Triage(new TriageCommand(v, Bench)),
            v => grain.Assign(new AssignCommand(v, Bench, volunteer, 0.1)),
            v => grain.Start(new RequestCommand(v, Bench)),
            v => grain.Fulfil(new FulfilCommand(v, Bench, FulfilCommand.MinHours)),
        };
        var version = 0;
        for (var step = 0; step < steps.Length; step++)
        {
            if (pace is not null) await pace();
            sent.Mark(step == steps.Length - 1 ? $"{id}:removed" : $"{id}:{step + 1}");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await steps[step](version);
            Answered.Enqueue(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!result.IsOk) throw new InvalidOperationException($"step {step}: {result.Message}");
            version = result.Value!.Version;
        }

        return steps.Length;
    }

    /// <summary>The keys a board delta answers to: each request and the version it now shows, or its removal (a busy hub batches several).</summary>
    public static IEnumerable<string> KeysOf(DeltaProbe delta)
    {
        foreach (var change in delta.Changes)
        {
            switch (change.Kind)
            {
                case "requestUpserted" when change.Request is { } request:
                    yield return $"{request.Id}:{request.Version}";
                    break;
                case "requestRemoved" when change.RequestId is { } id:
                    yield return $"{id}:removed";
                    break;
            }
        }
    }
}

/// <summary>The fields of a board delta the harness reads; the rest of the message is skipped.</summary>
internal sealed record DeltaProbe(IReadOnlyList<ChangeProbe> Changes);

internal sealed record ChangeProbe(string Kind, RequestProbe? Request, Guid? RequestId);

internal sealed record RequestProbe(Guid Id, int Version);
