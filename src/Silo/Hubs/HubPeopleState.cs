using MutualAid.Silo.Sqlite.Storage;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// A hub's person index, stored apart from its board ("hub-people"): contact key → every request of
/// that person here, open or closed, so access and erasure find a person's closed requests too.
/// It grows by one entry per person and changes only when a request is filed under a new key (a
/// new request, an erasure, a move), while the board is written with every notice; inside the
/// board's write it was most of a busy hub's write (docs/benchmarks.md, issue 18). Never leaves
/// the hub grain.
/// </summary>
[GenerateSerializer, Alias("MutualAid.Silo.HubPeopleState")]
public sealed class HubPeopleState : IErasableState
{
    [Id(0)] public Dictionary<string, List<Guid>> People { get; set; } = [];

    /// <summary>Asks the store for one erasing write (a key left the index); never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}
