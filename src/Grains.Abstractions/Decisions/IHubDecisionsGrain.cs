namespace MutualAid.Decisions;

/// <summary>
/// A hub's record of decisions (key: the hub slug): its proposals' summaries and the minutes of its
/// assemblies. A leaf: proposals tell it, nothing it calls calls back.
/// </summary>
[Alias("MutualAid.IHubDecisionsGrain")]
public interface IHubDecisionsGrain : IGrainWithStringKey
{
    [Alias("Track")] Task Track(ProposalSummary proposal);

    [Alias("Proposals")] Task<IReadOnlyList<ProposalSummary>> Proposals();

    /// <summary>Records an assembly's decision; the actor must be one of the hub's coordinators.</summary>
    [Alias("RecordMinutes")] Task<Result<AssemblyMinutes>> RecordMinutes(AssemblyMinutes minutes);

    [Alias("Minutes")] Task<IReadOnlyList<AssemblyMinutes>> Minutes();
}
