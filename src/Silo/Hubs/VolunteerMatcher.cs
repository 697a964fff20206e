using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// Scores one volunteer for one request and says why in words a dispatcher can check.
/// Pure, so it is easy to test and cheap to run over a whole hub.
/// </summary>
public static class VolunteerMatcher
{
    private static readonly RequestCategory[] UsuallyNeedsVehicle =
        [RequestCategory.Transport, RequestCategory.Groceries, RequestCategory.Food, RequestCategory.MedicalSupplies];

    public static Suggestion<VolunteerSummary> Score(RequestSummary request, VolunteerSummary volunteer, DateTime hubLocalNow)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(volunteer);
        double score = 0;
        var reasons = new List<Phrase>();
        var warnings = new List<Phrase>();

        if (volunteer.CanHelpWith.Contains(request.Category))
        {
            score += 3;
            reasons.Add(Phrase.Of("HelpsWith", "Helps with {0}", request.Category));
        }
        else
        {
            warnings.Add(Phrase.Of("NotHelpsWith", "Has not said they help with {0}", request.Category));
        }

        if (request.PreferredLanguage is { Length: > 0 } language)
        {
            if (volunteer.Languages.Any(l => Common.LanguageNames.Same(l, language)))
            {
                score += 2;
                reasons.Add(Phrase.Of("Speaks", "Speaks {0}", new LanguageName(language)));
            }
            else
            {
                warnings.Add(Phrase.Of("DoesNotSpeak", "Does not list {0}", new LanguageName(language)));
            }
        }

        foreach (var skill in SkillsNamedIn(request.Need, volunteer.Skills))
        {
            score += 2;
            reasons.Add(Phrase.Of("HasSkill", "Has the skill: {0}", skill));
        }

        var wantsVehicle = request.NeedsVehicle || UsuallyNeedsVehicle.Contains(request.Category);
        if (wantsVehicle && volunteer.HasVehicle)
        {
            score += request.NeedsVehicle ? 2 : 0.5;
            reasons.Add(Phrase.Of("HasVehicle", "Has a vehicle"));
        }
        else if (request.NeedsVehicle)
        {
            score -= 2;
            warnings.Add(Phrase.Of("NoVehicle", "No vehicle, and this request needs one"));
        }

        if (volunteer.Availability.Count > 0)
        {
            var window = VolunteerLimits.WindowAt(volunteer.Availability, hubLocalNow);
            if (window is not null)
            {
                score += 1;
                reasons.Add(Phrase.Of("AvailableNow", "Available now ({0} {1:HH:mm}-{2:HH:mm})", window.Day, window.From, window.To));
            }
            else
            {
                // Assignment refuses this without a coordinator's override, so it ranks like a broken limit.
                score -= 10;
                warnings.Add(Phrase.Of("OutsideHours", "Outside their stated hours"));
            }
        }

        var loadShare = (double)volunteer.ActiveAssignments / Math.Max(1, volunteer.MaxConcurrentAssignments);
        var hoursShare = volunteer.HoursThisWeek / Math.Max(0.1, volunteer.MaxHoursPerWeek);
        score -= loadShare * 1.5 + hoursShare;
        if (VolunteerLimits.Full(volunteer.ActiveAssignments, volunteer.MaxConcurrentAssignments))
        {
            score -= 10;
            warnings.Add(Phrase.Of("AtLimit", "At their limit: {0} of {1} assignments", volunteer.ActiveAssignments, volunteer.MaxConcurrentAssignments));
        }
        else
        {
            reasons.Add(Phrase.Of("Load", "Load {0} of {1} assignments", volunteer.ActiveAssignments, volunteer.MaxConcurrentAssignments));
        }

        if (VolunteerLimits.Passes(volunteer.HoursThisWeek, 0, volunteer.MaxHoursPerWeek))
        {
            score -= 10;
            warnings.Add(Phrase.Of("HoursSpent", "Has given {0:0.#} of {1:0.#} h this week", volunteer.HoursThisWeek, volunteer.MaxHoursPerWeek));
        }
        else
        {
            reasons.Add(Phrase.Of("Hours", "{0:0.#} of {1:0.#} h this week", volunteer.HoursThisWeek, volunteer.MaxHoursPerWeek));
        }

        return new Suggestion<VolunteerSummary>(volunteer, Math.Round(score, 2), reasons, warnings);
    }

    /// <summary>
    /// The volunteer's skills the request's need names, as whole words ("first aid" matches "needs
    /// first aid", "car" does not match "care"), ignoring case.
    /// </summary>
    public static IEnumerable<string> SkillsNamedIn(string? need, IReadOnlyList<string> skills)
    {
        if (string.IsNullOrWhiteSpace(need) || skills is null || skills.Count == 0) yield break;
        var words = " " + string.Join(' ', Words(need)) + " ";
        foreach (var skill in skills)
        {
            var wanted = string.Join(' ', Words(skill));
            if (wanted.Length > 0 && words.Contains(" " + wanted + " ", StringComparison.OrdinalIgnoreCase)) yield return skill.Trim();
        }
    }

    private static string[] Words(string text) =>
        new string(text.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
