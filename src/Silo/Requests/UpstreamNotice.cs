using MutualAid.Regions;

namespace MutualAid.Silo.Requests;

/// <summary>
/// What a request owes its region or the network, decided with the write it follows and kept in the
/// request's state until the receiver acknowledges it: an escalation (or offer) for the region's
/// inbox, a need raised to the network, or (neither) the withdrawal of one of those.
/// </summary>
/// <param name="Target">"region:slug" or "network:" (slugs never hold a colon, so no hub is named so).</param>
/// <param name="Version">The request version that decided it: the notice's identity for acknowledgement.</param>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.UpstreamNotice")]
public sealed record UpstreamNotice(
    [property: Id(0)] string Target,
    [property: Id(1)] int Version,
    [property: Id(2)] EscalatedRequest? Escalation = null,
    [property: Id(3)] RaisedNeed? Need = null)
{
    public const string RegionPrefix = "region:";
    public const string Network = "network:";

    public string Key => $"{Target}@{Version}";

    public static string Region(string slug) => RegionPrefix + slug;

    public static bool IsUpstream(string target) =>
        target.StartsWith(RegionPrefix, StringComparison.Ordinal) || target == Network;
}
