using MutualAid.Regions;

namespace MutualAid.Silo.Regions;

[GenerateSerializer, Alias("MutualAid.Silo.NetworkState")]
public sealed class NetworkState
{
    [Id(0)] public Dictionary<string, RegionInfo> Regions { get; set; } = [];
}
