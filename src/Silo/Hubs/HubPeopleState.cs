using MutualAid.Silo.Sqlite.Storage;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// A hub's person index, stored apart from its board ("hub-people"): contact key → every request of
/// that person here, open or closed, so access and erasure find a person's closed requests too.
/// It grows by one entry per person, so it is written whole only now and then: a new person is
/// written to the bounded <see cref="HubPeopleLog"/>, and this is written again when that log is
/// full or a key must leave (docs/benchmarks.md, issue 18). Never leaves the hub grain.
/// </summary>
[GenerateSerializer, Alias("MutualAid.Silo.HubPeopleState")]
public sealed class HubPeopleState : IErasableState
{
    [Id(0)] public Dictionary<string, List<Guid>> People { get; set; } = [];

    /// <summary>The number of the last <see cref="PersonFiling"/> this index holds; later ones are in the log.</summary>
    [Id(1)] public long LoggedThrough { get; set; }

    /// <summary>Asks the store for one erasing write (a key left the index); never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}
