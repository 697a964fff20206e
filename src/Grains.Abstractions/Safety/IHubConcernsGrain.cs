namespace MutualAid.Safety;

/// <summary>A hub's list of concerns (key: the hub slug): ids and stages only. A leaf.</summary>
[Alias("MutualAid.IHubConcernsGrain")]
public interface IHubConcernsGrain : IGrainWithStringKey
{
    [Alias("Track")] Task Track(ConcernSummary concern);

    [Alias("List")] Task<IReadOnlyList<ConcernSummary>> List();
}
