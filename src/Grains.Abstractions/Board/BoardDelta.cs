using MutualAid.Volunteers;

namespace MutualAid.Board;

/// <summary>
/// An ordered step of a hub's board: applying deltas Version = n+1, n+2, … to a snapshot at n
/// reproduces the board. A receiver that sees a gap must fetch a fresh snapshot. A web front-end
/// may send several consecutive steps as one (<see cref="From"/> to <see cref="Version"/>): every
/// change sets a whole row or removes one, so it applies to a board at any version it covers.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.BoardDelta")]
public sealed record BoardDelta(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<BoardChange> Changes,
    [property: Id(3)] BoardCounts Counts)
{
    /// <summary>
    /// The first version this delta covers when it stands for several (null: just <see cref="Version"/>).
    /// Only a web front-end's fan-out merges, never the hub (Ids 330-339: merged fan-out).
    /// </summary>
    [Id(330)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? From { get; init; }

    /// <summary>The delta as someone who does not dispatch for the hub may see it (<see cref="VolunteerSummary.ForOnlookers"/>).</summary>
    public BoardDelta ForOnlookers() =>
        Changes.Any(c => c is VolunteerUpserted { Volunteer.ClaimsHeld: not null })
            ? this with { Changes = [.. Changes.Select(c => c is VolunteerUpserted v ? new VolunteerUpserted(v.Volunteer.ForOnlookers()) : c)] }
            : this;

    /// <summary>The first version this delta covers.</summary>
    public long FirstVersion() => From ?? Version;
}
