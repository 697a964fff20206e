using MutualAid.Common;
using MutualAid.Requests;

namespace MutualAid.Hubs;

/// <summary>
/// What a hub counts as a visit (a volunteer alone in a stranger's home) and how long a visit may
/// run before nobody having heard "I've left safely" becomes an alarm on every board of the hub.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ArrivalPolicy")]
public sealed record ArrivalPolicy(
    [property: Id(0)] IReadOnlyList<RequestCategory> VisitCategories,
    [property: Id(1)] TimeSpan ExpectedVisit,
    [property: Id(2)] TimeSpan Margin,
    [property: Id(3)] TimeSpan EscalateAfter)
{
    /// <summary>Care in someone's home and sitting with someone are visits; a delivery to the door is not.</summary>
    public static ArrivalPolicy Default { get; } = new(
        [RequestCategory.Childcare, RequestCategory.Eldercare, RequestCategory.EmotionalSupport],
        TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15));

    /// <summary>When darkness starts, in the hub's time zone.</summary>
    [Id(4)] public TimeOnly DarkFrom { get; init; } = new(20, 0);

    /// <summary>When darkness ends, in the hub's time zone.</summary>
    [Id(5)] public TimeOnly DarkUntil { get; init; } = new(7, 0);

    /// <summary>Whether a job planned after dark is a visit whatever its category.</summary>
    [Id(6)] public bool AfterDarkIsVisit { get; init; } = true;

    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    /// <summary>
    /// A timer no shorter than the network's shortest deadline (a minute unless a rehearsal network
    /// counts in seconds): a timer of nothing would raise a false alarm at the door on every board.
    /// </summary>
    public static bool Fits(TimeSpan timer, TimeSpan shortest) => timer >= shortest && timer <= Longest;

    /// <summary>The refusal of a timer that does not <see cref="Fits"/>, naming the shortest in minutes.</summary>
    public static FieldError OutOfRange(string field, TimeSpan shortest) =>
        FieldError.Of(field, Reason.ArrivalTimerRange, (decimal)shortest.TotalSeconds / 60);

    public bool IsAfterDark(DateTimeOffset at, string timeZoneId)
    {
        if (!AfterDarkIsVisit) return false;
        var zone = HubZone.Of(timeZoneId);
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return DarkFrom <= DarkUntil ? local >= DarkFrom && local < DarkUntil : local >= DarkFrom || local < DarkUntil;
    }

    /// <param name="shortest">The network's shortest deadline (MutualAid:Deadlines:Shortest).</param>
    public IReadOnlyList<FieldError> Validate(TimeSpan shortest)
    {
        var errors = new List<FieldError>();
        foreach (var (name, span) in new[] { (nameof(ExpectedVisit), ExpectedVisit), (nameof(Margin), Margin), (nameof(EscalateAfter), EscalateAfter) })
        {
            if (!Fits(span, shortest)) errors.Add(OutOfRange(name, shortest));
        }

        foreach (var category in VisitCategories.Where(c => !Enum.IsDefined(c)))
        {
            errors.Add(FieldError.Of(nameof(VisitCategories), Reason.NotOneOf, category, Reasons.Choices<RequestCategory>()));
        }

        return errors;
    }
}
