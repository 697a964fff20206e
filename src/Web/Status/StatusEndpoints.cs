using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MutualAid.Web.Hosting;
using MutualAid.Web.Intake;
using MutualAid.Web.Localization;
using MutualAid.Web.Plain;

namespace MutualAid.Web.Status;

/// <summary>
/// /status: the person who asked checks on their request with its reference code and the last four
/// digits of their phone. No account, no script; submissions are rate-limited per client, which is
/// what keeps the four digits from being guessed.
/// </summary>
public static class StatusEndpoints
{
    public static void MapStatus(this WebApplication app)
    {
        app.MapGet("/status", () => new RazorComponentResult<StatusPage>());
        app.MapPost("/status", Check).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery();
    }

    public static async Task<Results<RazorComponentResult<StatusPage>, RazorComponentResult<MessagePage>>> Check(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<UiText> t, StatusService status)
    {
        var (form, problem) = await PublicIntakeEndpoints.ReadForm(http, antiforgery, t);
        if (problem is not null) return problem;
        var report = await status.Find(form!.Value("code"), form.Value("digits"));
        return new RazorComponentResult<StatusPage>(new { Report = report });
    }
}
