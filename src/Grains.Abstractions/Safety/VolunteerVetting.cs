namespace MutualAid.Safety;

/// <summary>
/// One volunteer's checks at one hub, for the volunteer themselves and the hub's coordinators only:
/// the latest record of each check, and what they still need for which categories.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerVetting")]
public sealed record VolunteerVetting(
    [property: Id(0)] Guid VolunteerId,
    [property: Id(1)] string HubSlug,
    [property: Id(2)] IReadOnlyList<CheckRecord> Checks,
    [property: Id(3)] IReadOnlyList<CheckNeeded> Needs,
    [property: Id(4)] DateTimeOffset At)
{
    public bool Current(CheckRecord record) => record.CurrentAt(At);
}
