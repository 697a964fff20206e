using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

[GenerateSerializer, Alias("MutualAid.Silo.RequestState")]
public sealed class RequestState
{
    /// <summary>The whole current truth; replaced (never mutated) on each change.</summary>
    [Id(0)] public RequestView? View { get; set; }

    /// <summary>Append-only history.</summary>
    [Id(1)] public List<AuditEntry> Audit { get; set; } = [];
}
