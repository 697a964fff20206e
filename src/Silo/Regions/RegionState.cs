using MutualAid.Hubs;
using MutualAid.Regions;

namespace MutualAid.Silo.Regions;

[GenerateSerializer, Alias("MutualAid.Silo.RegionState")]
public sealed class RegionState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public Dictionary<string, HubSummary> Hubs { get; set; } = [];
    [Id(2)] public List<EscalatedRequest> Escalations { get; set; } = [];
    [Id(3)] public long Version { get; set; }
    [Id(150)] public List<SharedOffer> SharedOffers { get; set; } = [];

    /// <summary>The next state for a change to fill and write: the live one stays as it was if the write fails.</summary>
    public RegionState Copy() => new()
    {
        Name = Name,
        Hubs = new(Hubs),
        Escalations = [.. Escalations],
        Version = Version,
        SharedOffers = [.. SharedOffers],
    };
}
