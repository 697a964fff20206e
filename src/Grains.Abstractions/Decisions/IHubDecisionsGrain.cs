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

    /// <summary>
    /// After the hub's proposals forgot an erased volunteer (and told this list), takes them out of
    /// the minutes they recorded, in one write the store scrubs, so no older copy of the list keeps
    /// their name. Idempotent.
    /// </summary>
    [Alias("ForgetVolunteer")] Task ForgetVolunteer(MutualAid.Requests.ForgetVolunteer command);

    [Alias("Minutes")] Task<IReadOnlyList<AssemblyMinutes>> Minutes();
}
