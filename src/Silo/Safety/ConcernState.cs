using MutualAid.Safety;

namespace MutualAid.Silo.Safety;

[GenerateSerializer, Alias("MutualAid.Silo.ConcernState")]
public sealed class ConcernState
{
    [Id(0)] public ConcernView? View { get; set; }
}

[GenerateSerializer, Alias("MutualAid.Silo.HubConcernsState")]
public sealed class HubConcernsState
{
    [Id(0)] public Dictionary<Guid, ConcernSummary> Concerns { get; set; } = [];
}
