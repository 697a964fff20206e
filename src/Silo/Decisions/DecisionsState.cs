using MutualAid.Decisions;

namespace MutualAid.Silo.Decisions;

[GenerateSerializer, Alias("MutualAid.Silo.ProposalState")]
public sealed class ProposalState
{
    [Id(0)] public ProposalView? View { get; set; }
}

[GenerateSerializer, Alias("MutualAid.Silo.HubDecisionsState")]
public sealed class HubDecisionsState
{
    [Id(0)] public Dictionary<Guid, ProposalSummary> Proposals { get; set; } = [];

    [Id(1)] public List<AssemblyMinutes> Minutes { get; set; } = [];
}
