using MutualAid.Volunteers;

namespace MutualAid.Web.Volunteers;

/// <summary>One volunteer as a coordinator checking in with people sees them.</summary>
public sealed record PersonCheck(TimeBankStatement Hours, int? DaysSinceLastJob, bool Quiet, bool CarriesMost);

/// <summary>
/// Who has drifted (nothing taken on for a while) and who carries the most, so a coordinator can
/// check in before people leave or burn out. Pure, so the rules are easy to test.
/// </summary>
public static class HubPeopleReport
{
    public const int DefaultQuietDays = 14;

    public static IReadOnlyList<PersonCheck> Assess(IEnumerable<TimeBankStatement> statements, DateTimeOffset now, int quietDays)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var all = statements.ToArray();
        // The busiest quarter of those who gave anything in the last seven days (at least one person).
        var givers = all.Where(s => s.HoursLastSevenDays > 0).OrderByDescending(s => s.HoursLastSevenDays).ToArray();
        var busiest = givers.Take(Math.Max(1, (givers.Length + 3) / 4)).Select(s => s.VolunteerId).ToHashSet();
        return all
            .Select(s =>
            {
                int? days = s.LastTookSomething is { } last ? (int)Math.Floor((now - last).TotalDays) : null;
                var quiet = s.ActiveAssignments == 0 && (days is null || days >= quietDays);
                return new PersonCheck(s, days, quiet, busiest.Contains(s.VolunteerId));
            })
            .OrderByDescending(p => p.Quiet).ThenByDescending(p => p.CarriesMost).ThenBy(p => p.Hours.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }
}
