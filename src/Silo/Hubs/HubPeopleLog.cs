using MutualAid.Silo.Sqlite.Storage;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// The person index's recent filings, stored apart from the whole index ("hub-people-log"): a new
/// person costs a write of at most <see cref="HubGrain.PeopleLogLimit"/> filings, not of every person
/// the hub has ever seen. The whole index (<see cref="HubPeopleState"/>) is written again only when
/// the log is full or a key must leave it (an erasure, a move). Never leaves the hub grain.
/// </summary>
[GenerateSerializer, Alias("MutualAid.Silo.HubPeopleLog")]
public sealed class HubPeopleLog : IErasableState
{
    /// <summary>Filings not yet in the stored whole index, oldest first.</summary>
    [Id(0)] public List<PersonFiling> Filed { get; set; } = [];

    /// <summary>The number of the last filing ever logged; numbers never repeat.</summary>
    [Id(1)] public long LastNumber { get; set; }

    /// <summary>Asks the store for one erasing write (a key left the index); never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

/// <summary>A request filed under a person's key, numbered so a replay after a crash skips what the whole index already holds.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.PersonFiling")]
public sealed record PersonFiling([property: Id(0)] long Number, [property: Id(1)] Guid RequestId, [property: Id(2)] string Key);
