using MutualAid.Regions;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Requests;

/// <summary>
/// What a request owes another grain, decided with the write it follows and kept in the request's
/// state until the receiver acknowledges it: an escalation (or offer) for the region's inbox, a need
/// raised to the network, or (neither) the withdrawal of one of those; to the series an occurrence
/// came from, that its requester was erased; to a volunteer, the end of their job.
/// </summary>
/// <param name="Target">
/// "region:slug", "network:", "series:guid" or "volunteer:guid:version" (slugs never hold a colon, so
/// no hub is named so). A volunteer's carries the version, so each job end is owed on its own.
/// </param>
/// <param name="Version">The request version that decided it: the notice's identity for acknowledgement.</param>
/// <param name="ErasedBy">Who erased the requester, for the series' "stopped by"; set on a notice to a series only.</param>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.UpstreamNotice")]
public sealed record UpstreamNotice(
    [property: Id(0)] string Target,
    [property: Id(1)] int Version,
    [property: Id(2)] EscalatedRequest? Escalation = null,
    [property: Id(3)] RaisedNeed? Need = null,
    [property: Id(4)] Actor? ErasedBy = null,
    [property: Id(5)] JobEnd? JobEnd = null)
{
    public const string RegionPrefix = "region:";
    public const string Network = "network:";
    public const string SeriesPrefix = "series:";
    public const string VolunteerPrefix = "volunteer:";

    public string Key => $"{Target}@{Version}";

    public static string Region(string slug) => RegionPrefix + slug;

    public static string Series(Guid series) => SeriesPrefix + series.ToString("N");

    /// <summary>The series a "series:" target names; null for any other target.</summary>
    public static Guid? SeriesOf(string target) =>
        target.StartsWith(SeriesPrefix, StringComparison.Ordinal) && Guid.TryParseExact(target[SeriesPrefix.Length..], "N", out var id) ? id : null;

    /// <summary>The end of <paramref name="volunteer"/>'s job, decided by the write of <paramref name="version"/>.</summary>
    public static UpstreamNotice EndOfJob(Guid volunteer, int version, JobEnd end) =>
        new($"{VolunteerPrefix}{volunteer:N}:{version}", version, JobEnd: end);

    /// <summary>The volunteer a "volunteer:" target names; null for any other target.</summary>
    public static Guid? VolunteerOf(string target) =>
        target.StartsWith(VolunteerPrefix, StringComparison.Ordinal) && target.Length > VolunteerPrefix.Length + 32
            && Guid.TryParseExact(target.AsSpan(VolunteerPrefix.Length, 32), "N", out var id) ? id : null;

    public static bool IsUpstream(string target) =>
        target.StartsWith(RegionPrefix, StringComparison.Ordinal) || target == Network || SeriesOf(target) is not null || VolunteerOf(target) is not null;
}
