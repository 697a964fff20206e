namespace MutualAid.Shifts;

/// <summary>When a hub calls an organiser's week too long: hours in seven days, or one shift past a length.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ShiftLimits")]
public sealed record ShiftLimits(
    [property: Id(0)] double MaxHoursPerWeek,
    [property: Id(1)] double MaxShiftHours)
{
    public static ShiftLimits Default { get; } = new(40, 10);

    public const double MostHoursPerWeek = 168;

    public IReadOnlyList<FieldError> Validate() =>
        MaxHoursPerWeek is >= 1 and <= MostHoursPerWeek && MaxShiftHours is >= 1 and <= 24
            ? []
            : [FieldError.Of("ShiftLimits", Reason.ShiftLimitsRange, MostHoursPerWeek, 24)];
}
