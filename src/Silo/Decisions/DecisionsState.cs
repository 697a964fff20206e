using MutualAid.Decisions;
using MutualAid.Silo.Sqlite.Storage;

namespace MutualAid.Silo.Decisions;

[GenerateSerializer, Alias("MutualAid.Silo.ProposalState")]
public sealed class ProposalState : IErasableState
{
    [Id(0)] public ProposalView? View { get; set; }

    /// <summary>Asks the store for one erasing write; never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

[GenerateSerializer, Alias("MutualAid.Silo.HubDecisionsState")]
public sealed class HubDecisionsState : IErasableState
{
    /// <summary>Asks the store for one erasing write; never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }

    [Id(0)] public Dictionary<Guid, ProposalSummary> Proposals { get; set; } = [];

    [Id(1)] public List<AssemblyMinutes> Minutes { get; set; } = [];
}
