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
/// digits of their phone. No account, no script; submissions are rate-limited per client, and each
/// code answers "not found" for a day after five wrong digits (IStatusProofGrain), which together keep
/// the four digits from being guessed.
/// </summary>
public static class StatusEndpoints
{
    public static void MapStatus(this WebApplication app)
    {
        app.MapGet("/status", () => new RazorComponentResult<StatusPage>());
        app.MapPost("/status", Check).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery();
        // The same limit and the same proof: a thank-you form is no way round guessing the digits.
        app.MapPost("/status/thanks", Thank).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery();
        app.MapPost("/status/concern", RaiseConcern).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery();
    }

    /// <summary>
    /// A requester's concern about the help they got. A wrong code or wrong digits get exactly the
    /// page /status gives for "not found", so this form proves nothing /status does not.
    /// </summary>
    public static async Task<Results<RazorComponentResult<StatusPage>, RazorComponentResult<MessagePage>>> RaiseConcern(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<UiText> t, Safety.ConcernService concerns)
    {
        var (form, problem) = await PublicIntakeEndpoints.ReadForm(http, antiforgery, t);
        if (problem is not null) return problem;
        var raised = await concerns.RaiseAsRequester(form!.Value("code"), form.Value("digits"), form.Value("concern"));
        if (raised is null) return new RazorComponentResult<StatusPage>(new { Report = new StatusReport(StatusAnswer.NotFound) });
        return raised.IsOk
            ? MessagePages.Say(t["Safety.ConcernTitle"], t["Safety.ConcernThanks"])
            : MessagePages.Alert(t["Safety.ConcernTitle"], t.Say(raised), StatusCodes.Status400BadRequest);
    }

    public static async Task<Results<RazorComponentResult<StatusPage>, RazorComponentResult<MessagePage>>> Check(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<UiText> t, StatusService status)
    {
        var (form, problem) = await PublicIntakeEndpoints.ReadForm(http, antiforgery, t);
        if (problem is not null) return problem;
        var (code, digits) = (form!.Value("code"), form.Value("digits"));
        return Answer(await status.Find(code, digits), code, digits);
    }

    public static async Task<Results<RazorComponentResult<StatusPage>, RazorComponentResult<MessagePage>>> Thank(
        HttpContext http, IAntiforgery antiforgery, IStringLocalizer<UiText> t, StatusService status)
    {
        var (form, problem) = await PublicIntakeEndpoints.ReadForm(http, antiforgery, t);
        if (problem is not null) return problem;
        var code = form!.Value("code");
        var digits = form.Value("digits");
        var report = await status.Thank(code, digits, form.Value("note"));
        return Answer(report, code, digits);
    }

    /// <summary>
    /// A found request's page carries the code and digits the person typed, for its thank-you form;
    /// "not found" carries nothing, and is the same page whichever form asked.
    /// </summary>
    private static RazorComponentResult<StatusPage> Answer(StatusReport report, string? code, string? digits) =>
        report.Answer == StatusAnswer.NotFound
            ? new RazorComponentResult<StatusPage>(new { Report = report })
            : new RazorComponentResult<StatusPage>(new { Report = report, Code = code, Digits = digits });
}
