namespace MutualAid.TimeBank;

/// <summary>
/// Hours a coordinator moved from one person's balance to another's within one region (both
/// people are volunteers of its hubs). Recorded once per <see cref="Id"/>: sending it again changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.HoursTransfer")]
public sealed record HoursTransfer(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid From,
    [property: Id(2)] Guid To,
    [property: Id(3)] double Hours,
    [property: Id(4)] string Reason,
    [property: Id(5)] Actor Actor,
    [property: Id(6)] DateTimeOffset At)
{
    public const double MaxHours = 100;
}
