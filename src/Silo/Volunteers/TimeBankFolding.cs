using MutualAid.Volunteers;

namespace MutualAid.Silo.Volunteers;

/// <summary>
/// Folds banked jobs into weekly totals per hub once they are older than the previous week. The
/// entries of this week and the last stay one per job: the rolling seven days (weekly limit, fair
/// rotation) and the last day (rest rule) are summed from them, and a repeated completion of a
/// recent job is recognised by its request.
/// </summary>
internal static class TimeBankFolding
{
    /// <summary>Moves entries from before the previous week into <see cref="VolunteerState.PastWeeks"/>.</summary>
    public static void Fold(VolunteerState state, DateTimeOffset now)
    {
        var keepFrom = TimeBankStatement.WeekOf(now).AddDays(-7);
        if (!state.TimeBank.Exists(t => TimeBankStatement.WeekOf(t.At) < keepFrom)) return;
        var totals = state.PastWeeks.ToDictionary(w => (w.Week, w.HubSlug));
        foreach (var entry in state.TimeBank.Where(t => TimeBankStatement.WeekOf(t.At) < keepFrom))
        {
            var key = (TimeBankStatement.WeekOf(entry.At), entry.HubSlug);
            totals[key] = totals.TryGetValue(key, out var total)
                ? total with { Hours = total.Hours + entry.Hours, Jobs = total.Jobs + 1, LastAt = entry.At > total.LastAt ? entry.At : total.LastAt }
                : new WeekTotal(key.Item1, key.HubSlug, entry.Hours, 1, entry.At);
        }

        state.TimeBank.RemoveAll(t => TimeBankStatement.WeekOf(t.At) < keepFrom);
        state.PastWeeks = [.. totals.Values.OrderBy(w => w.Week).ThenBy(w => w.HubSlug, StringComparer.Ordinal)];
    }

    /// <summary>The hubs whose statement of this volunteer has anything in it (<see cref="VolunteerSummary.HoursIn"/>).</summary>
    public static IReadOnlyList<string> HoursIn(VolunteerState state) =>
        [.. state.TimeBank.Select(t => t.HubSlug).Concat(state.PastWeeks.Select(w => w.HubSlug)).Concat(state.Reservations.Select(r => r.HubSlug))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Every hour banked, folded or not.</summary>
    public static double TotalHours(VolunteerState state) => state.TimeBank.Sum(t => t.Hours) + state.PastWeeks.Sum(w => w.Hours);

    /// <summary>The statement's figures for one hub (or all), from the folded weeks and the entries alike.</summary>
    public static TimeBankStatement Statement(VolunteerState state, Guid volunteerId, string name, string? hubSlug, int weeks, DateTimeOffset now)
    {
        var entries = state.TimeBank.Where(t => hubSlug is null || t.HubSlug == hubSlug).ToArray();
        var folded = state.PastWeeks.Where(w => hubSlug is null || w.HubSlug == hubSlug).ToArray();
        var reservations = state.Reservations.Where(r => hubSlug is null || r.HubSlug == hubSlug).ToArray();
        var recent = TimeBankStatement.WeeksBack(now, weeks)
            .Select(week => new WeekHours(week,
                folded.Where(w => w.Week == week).Sum(w => w.Hours) + entries.Where(t => TimeBankStatement.WeekOf(t.At) == week).Sum(t => t.Hours)))
            .ToArray();
        // Taking something on is a reservation (it may still be open) or a banked job.
        DateTimeOffset? last = entries.Select(t => (DateTimeOffset?)t.At)
            .Concat(folded.Select(w => (DateTimeOffset?)w.LastAt))
            .Concat(reservations.Select(r => (DateTimeOffset?)r.ReservedAt)).Max();
        return new TimeBankStatement(
            volunteerId, name, recent, entries.Where(t => t.At >= now - TimeSpan.FromDays(7)).Sum(t => t.Hours),
            entries.Sum(t => t.Hours) + folded.Sum(w => w.Hours), entries.Length + folded.Sum(w => w.Jobs), last, reservations.Length);
    }
}
