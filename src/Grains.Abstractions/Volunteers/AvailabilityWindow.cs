namespace MutualAid.Volunteers;

/// <summary>A weekly recurring slot in the hub's local time, e.g. Tuesday 09:00-12:00.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.AvailabilityWindow")]
public sealed record AvailabilityWindow(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly From,
    [property: Id(2)] TimeOnly To)
{
    public bool Contains(DateTime localTime) =>
        localTime.DayOfWeek == Day && TimeOnly.FromDateTime(localTime) is var t && t >= From && t < To;

    public override string ToString() => $"{Day} {From:HH\\:mm}-{To:HH\\:mm}";
}
