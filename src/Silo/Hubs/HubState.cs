using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Silo.Sqlite.Storage;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Hubs;

[GenerateSerializer, Alias("MutualAid.Silo.HubState")]
public sealed class HubState : IErasableState
{
    [Id(0)] public HubSettings? Settings { get; set; }

    /// <summary>Board version: bumped once per applied change, never reused, survives restarts.</summary>
    [Id(1)] public long Version { get; set; }

    /// <summary>Summaries of the requests currently open on the board.</summary>
    [Id(2)] public Dictionary<Guid, RequestSummary> Open { get; set; } = [];

    /// <summary>Latest known version and status of every request the hub has seen, open or closed.</summary>
    [Id(3)] public Dictionary<Guid, RequestMark> Marks { get; set; } = [];

    /// <summary>Duplicate-matching keys of open requests. Never leaves this grain.</summary>
    [Id(4)] public Dictionary<Guid, string> ContactKeys { get; set; } = [];

    [Id(5)] public Dictionary<Guid, VolunteerSummary> Volunteers { get; set; } = [];

    [Id(6)] public Dictionary<Guid, OfferSummary> Offers { get; set; } = [];

    /// <summary>Offer versions, including closed offers, so a late notice cannot resurrect one.</summary>
    [Id(7)] public Dictionary<Guid, int> OfferVersions { get; set; } = [];

    [Id(8)] public List<DateTimeOffset> RecentFulfilments { get; set; } = [];

    [Id(9)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Contact key → every request of that person here, open or closed. Never leaves this grain.</summary>
    [Id(10)] public Dictionary<string, List<Guid>> People { get; set; } = [];

    /// <summary>Requests changed lately (any status) and when, for shift handovers; kept for two days.</summary>
    [Id(11)] public Dictionary<Guid, DateTimeOffset> RecentlyChanged { get; set; } = [];

    /// <summary>Asks the store for one erasing write; never persisted.</summary>
    [field: NonSerialized]
    public bool ScrubOnNextWrite { get; set; }
}

[GenerateSerializer, Immutable, Alias("MutualAid.Silo.RequestMark")]
public sealed record RequestMark([property: Id(0)] int Version, [property: Id(1)] RequestStatus Status);
