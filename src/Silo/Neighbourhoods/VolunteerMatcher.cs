using MutualAid.Neighbourhoods;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Neighbourhoods;

/// <summary>
/// Scores one volunteer for one request and says why in words a dispatcher can check.
/// Pure, so it is easy to test and cheap to run over a whole hub.
/// </summary>
public static class VolunteerMatcher
{
    private static readonly RequestCategory[] UsuallyNeedsVehicle =
        [RequestCategory.Transport, RequestCategory.Groceries, RequestCategory.Food, RequestCategory.MedicalSupplies];

    public static VolunteerSuggestion Score(RequestSummary request, VolunteerSummary volunteer, DateTime hubLocalNow)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(volunteer);
        double score = 0;
        var reasons = new List<string>();
        var warnings = new List<string>();

        if (volunteer.CanHelpWith.Contains(request.Category))
        {
            score += 3;
            reasons.Add($"Helps with {request.Category}");
        }
        else
        {
            warnings.Add($"Has not said they help with {request.Category}");
        }

        if (request.PreferredLanguage is { Length: > 0 } language)
        {
            if (volunteer.Languages.Any(l => Common.LanguageNames.Same(l, language)))
            {
                score += 2;
                reasons.Add($"Speaks {language}");
            }
            else
            {
                warnings.Add($"Does not list {language}");
            }
        }

        var wantsVehicle = request.NeedsVehicle || UsuallyNeedsVehicle.Contains(request.Category);
        if (wantsVehicle && volunteer.HasVehicle)
        {
            score += request.NeedsVehicle ? 2 : 0.5;
            reasons.Add("Has a vehicle");
        }
        else if (request.NeedsVehicle)
        {
            score -= 2;
            warnings.Add("No vehicle, and this request needs one");
        }

        if (volunteer.Availability.Count > 0)
        {
            var window = volunteer.Availability.FirstOrDefault(w => w.Contains(hubLocalNow));
            if (window is not null)
            {
                score += 1;
                reasons.Add($"Available now ({window})");
            }
            else
            {
                // Assignment refuses this without a coordinator's override, so it ranks like a broken limit.
                score -= 10;
                warnings.Add("Outside their stated hours");
            }
        }

        var loadShare = (double)volunteer.ActiveAssignments / Math.Max(1, volunteer.MaxConcurrentAssignments);
        var hoursShare = volunteer.HoursThisWeek / Math.Max(0.1, volunteer.MaxHoursPerWeek);
        score -= loadShare * 1.5 + hoursShare;
        if (volunteer.ActiveAssignments >= volunteer.MaxConcurrentAssignments)
        {
            score -= 10;
            warnings.Add($"At their limit: {volunteer.ActiveAssignments} of {volunteer.MaxConcurrentAssignments} assignments");
        }
        else
        {
            reasons.Add($"Load {volunteer.ActiveAssignments} of {volunteer.MaxConcurrentAssignments} assignments");
        }

        if (volunteer.HoursThisWeek >= volunteer.MaxHoursPerWeek)
        {
            score -= 10;
            warnings.Add($"Has given {volunteer.HoursThisWeek:0.#} of {volunteer.MaxHoursPerWeek:0.#} h this week");
        }
        else
        {
            reasons.Add($"{volunteer.HoursThisWeek:0.#} of {volunteer.MaxHoursPerWeek:0.#} h this week");
        }

        return new VolunteerSuggestion(volunteer, Math.Round(score, 2), reasons, warnings);
    }
}
