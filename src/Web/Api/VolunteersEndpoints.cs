using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;
using MutualAid.Web.Board;

namespace MutualAid.Web.Api;

/// <summary>A hub's volunteers with their load against their limits, as its board shows them (no contact details).</summary>
public static class VolunteersEndpoints
{
    public static void MapVolunteers(this RouteGroupBuilder api)
    {
        api.Tagged("Volunteers").MapGet("/hubs/{hub}/volunteers", List).Produces<Paged<VolunteerLoadBody>>()
            .Describe("List a hub's volunteers with their load: active jobs, hours this week, limits", 404, 422);
    }

    public static Task<IResult> List(HttpContext http, string hub, bool? onDuty, int? page, int? pageSize, BoardService board, CurrentUser user) =>
        Paging.FromBoard(http, user, board, hub, page, pageSize, [], snapshot => snapshot.Volunteers
            .Where(v => onDuty is null || v.OnDuty == onDuty)
            .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Id)
            .Select(VolunteerLoadBody.Of));
}

/// <summary>A volunteer as the API lists them: who, what they help with, and how loaded they are.</summary>
public sealed record VolunteerLoadBody(
    Guid Id,
    string Name,
    bool OnDuty,
    IReadOnlyList<RequestCategory> CanHelpWith,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills,
    bool HasVehicle,
    int ActiveJobs,
    int MaxConcurrentJobs,
    double HoursThisWeek,
    double MaxHoursPerWeek,
    bool HasCapacity,
    string? ClaimsHeld)
{
    public static VolunteerLoadBody Of(VolunteerSummary v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Id, v.Name, v.OnDuty, v.CanHelpWith, v.Languages, v.Skills, v.HasVehicle, v.ActiveAssignments, v.MaxConcurrentAssignments,
            v.HoursThisWeek, v.MaxHoursPerWeek, v.HasCapacity, v.ClaimsHeld?.ToString());
    }
}
