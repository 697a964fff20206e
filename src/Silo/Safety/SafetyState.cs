using MutualAid.Requests;
using MutualAid.Safety;

namespace MutualAid.Silo.Safety;

[GenerateSerializer, Alias("MutualAid.Silo.SafetyState")]
public sealed class SafetyState
{
    /// <summary>Null until a coordinator sets one: the hub then works with <see cref="VettingPolicy.Default"/>.</summary>
    [Id(0)] public VettingPolicy? Policy { get; set; }

    /// <summary>Every check recorded per volunteer, oldest first (a renewal is a new record; the latest counts).</summary>
    [Id(1)] public Dictionary<Guid, List<CheckRecord>> Records { get; set; } = [];

    /// <summary>Each volunteer's vetting trail: who recorded what, and policy changes under the empty id.</summary>
    [Id(2)] public Dictionary<Guid, List<AuditEntry>> Audit { get; set; } = [];

    [Id(3)] public List<KeptApart> Apart { get; set; } = [];

    [Id(4)] public int Version { get; set; }
}

/// <summary>Two parties that matching and assignment keep apart, and the concern that decided it.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.KeptApart")]
public sealed record KeptApart([property: Id(0)] string A, [property: Id(1)] string B, [property: Id(2)] Guid ConcernId, [property: Id(3)] DateTimeOffset At)
{
    public bool Pairs(string x, string y) => (A == x && B == y) || (A == y && B == x);
}
