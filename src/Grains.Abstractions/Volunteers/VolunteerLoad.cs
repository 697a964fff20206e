namespace MutualAid.Volunteers;

/// <summary>What a volunteer has taken on, against the limits they set (hours given and promised counted apart).</summary>
public sealed record VolunteerLoad(
    string Name, int Active, int MaxActive, double HoursThisWeek, double HoursPromised, double MaxHoursPerWeek,
    double HoursLastDay, double RestAfterHoursInADay);
