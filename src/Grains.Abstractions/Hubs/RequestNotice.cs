using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Hubs;

/// <summary>
/// What a request grain tells its hub after every change. ContactKey lets the hub spot the same
/// person twice; it stays inside the hub grain and is never put on a board.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestNotice")]
public sealed record RequestNotice(
    [property: Id(0)] RequestSummary Summary,
    [property: Id(1)] string? ContactKey)
{
    /// <summary>The closed status a reopened request was reopened from, so a hub that folded it into counts can take it back out.</summary>
    [Id(70)] public RequestStatus? ReopenedFrom { get; init; }

    /// <summary>Hours the volunteers gave on a delivered request (both of a pair), for the hub's figures over time.</summary>
    [Id(140)] public double HoursGiven { get; init; }

    /// <summary>The hub that last passed it on, so figures summed over hubs count it once (Ids 260-269: the lead's night work).</summary>
    [Id(260)] public string? MovedFrom { get; init; }

    /// <summary>
    /// The rows of the volunteers this change reserved or completed, as they stood right after it,
    /// so the hub shows both in one delta (Ids 310-319: one18e). Only on the command's own notice;
    /// each volunteer also sends its row later, which the hub then already has.
    /// </summary>
    [Id(310)] public IReadOnlyList<VolunteerSummary> Volunteers { get; init; } = [];
}
