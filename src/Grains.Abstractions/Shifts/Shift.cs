namespace MutualAid.Shifts;

/// <summary>One stretch an organiser said they were on for a hub; <see cref="EndedAt"/> is null while it runs.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Shift")]
public sealed record Shift(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] double PlannedHours,
    [property: Id(3)] DateTimeOffset? EndedAt)
{
    public const double DefaultHours = 4;
    public const double MinHours = 0.5;
    public const double MaxHours = 16;

    public static bool PlannedInRange(double hours) => hours >= MinHours && hours <= MaxHours;

    /// <summary>How long it has run (or ran), never negative.</summary>
    public TimeSpan Length(DateTimeOffset now)
    {
        var end = EndedAt ?? now;
        return end > StartedAt ? end - StartedAt : TimeSpan.Zero;
    }

    /// <summary>Past the length they planned: time to hand over.</summary>
    public bool Overdue(DateTimeOffset now) => EndedAt is null && Length(now) > TimeSpan.FromHours(PlannedHours);

    /// <summary>The part of it that falls on or after <paramref name="since"/>.</summary>
    public TimeSpan LengthSince(DateTimeOffset since, DateTimeOffset now)
    {
        var end = EndedAt ?? now;
        var start = StartedAt > since ? StartedAt : since;
        return end > start ? end - start : TimeSpan.Zero;
    }
}

/// <summary>An organiser's shift now and lately (the last few weeks), as their own board and the hours page read it.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ShiftView")]
public sealed record ShiftView(
    [property: Id(0)] Shift? Current,
    [property: Id(1)] IReadOnlyList<Shift> Recent);
