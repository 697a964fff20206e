using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Board;

[GenerateSerializer, Immutable, Alias("MutualAid.BoardSnapshot")]
public sealed record BoardSnapshot(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] string HubName,
    [property: Id(2)] string? RegionSlug,
    [property: Id(3)] long Version,
    [property: Id(4)] IReadOnlyList<RequestSummary> Requests,
    [property: Id(5)] IReadOnlyList<VolunteerSummary> Volunteers,
    [property: Id(6)] IReadOnlyList<OfferSummary> Offers,
    [property: Id(7)] BoardCounts Counts)
{
    /// <summary>The board as someone who does not dispatch for the hub may see it (<see cref="VolunteerSummary.ForOnlookers"/>).</summary>
    public BoardSnapshot ForOnlookers() =>
        Volunteers.Any(v => v.ClaimsHeld is not null) ? this with { Volunteers = [.. Volunteers.Select(v => v.ForOnlookers())] } : this;
}
