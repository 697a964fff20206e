using MutualAid.Safety;

namespace MutualAid.Silo.Safety;

[GenerateSerializer, Alias("MutualAid.Silo.ConcernState")]
public sealed class ConcernState
{
    [Id(0)] public ConcernView? View { get; set; }

    /// <summary>
    /// Messages decided with a write and not yet acknowledged by the hub's outbox (the handlers told
    /// that a concern was raised): none of the concern's words, only the hub's name.
    /// </summary>
    [Id(1)] public List<MutualAid.Notifications.OutboundMessage> Outgoing { get; set; } = [];
}

[GenerateSerializer, Alias("MutualAid.Silo.HubConcernsState")]
public sealed class HubConcernsState
{
    [Id(0)] public Dictionary<Guid, ConcernSummary> Concerns { get; set; } = [];
}
