namespace MutualAid.Decisions;

/// <summary>
/// One member's vote: an option, or an objection (<see cref="Option"/> null) with its short reason,
/// which every member reads. A member has one ballot, replaced if they change it before the deadline.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Ballot")]
public sealed record Ballot(
    [property: Id(0)] Actor Voter,
    [property: Id(1)] int? Option,
    [property: Id(2)] string? Objection,
    [property: Id(3)] DateTimeOffset At)
{
    public const int MaxObjection = 280;

    public bool IsObjection => Option is null;
}
