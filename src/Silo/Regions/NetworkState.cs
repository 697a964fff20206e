using MutualAid.Regions;

namespace MutualAid.Silo.Regions;

[GenerateSerializer, Alias("MutualAid.Silo.NetworkState")]
public sealed class NetworkState
{
    [Id(0)] public Dictionary<string, RegionInfo> Regions { get; set; } = [];

    /// <summary>Needs raised to the whole network (Ids 150-159: regions that share).</summary>
    [Id(150)] public List<RaisedNeed> Raised { get; set; } = [];

    /// <summary>The next state for a change to fill and write: the live one stays as it was if the write fails.</summary>
    public NetworkState Copy() => new() { Regions = new(Regions), Raised = [.. Raised] };
}
