using MutualAid.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MutualAid.Requests;
using MutualAid.Stats;
using MutualAid.Web.Hosting;
using MutualAid.Web.Intake;
using MutualAid.Web.Localization;
using MutualAid.Web.Plain;

namespace MutualAid.Web.Survey;

/// <summary>
/// /public/hubs/{slug}/survey: the needs survey as a plain form, no account and no script,
/// answers rate-limited per client like /ask. An unknown hub is the same 404 as any unknown page.
/// </summary>
public static class SurveyEndpoints
{
    public static void MapSurvey(this WebApplication app)
    {
        app.MapGet("/public/hubs/{slug}/survey", Form);
        // Antiforgery is checked in ReadForm, so a bad token gets a page too.
        app.MapPost("/public/hubs/{slug}/survey", Answer).RequireRateLimiting(RateLimits.PublicForm).DisableAntiforgery();
    }

    public static async Task<Results<RazorComponentResult<SurveyPage>, NotFound>> Form(string slug, SurveyService survey) =>
        await survey.Public(slug) is { } hub ? Page(slug, hub.Name, hub.Open, IntakeForm.Empty, []) : TypedResults.NotFound();

    public static async Task<Results<RazorComponentResult<SurveyPage>, RazorComponentResult<MessagePage>, NotFound>> Answer(
        string slug, HttpContext http, IAntiforgery antiforgery, IStringLocalizer<UiText> t, SurveyService survey)
    {
        if (await survey.Public(slug) is not { } hub) return TypedResults.NotFound();
        var (form, problem) = await PublicIntakeEndpoints.ReadForm(http, antiforgery, t);
        if (problem is not null) return problem;
        var errors = new List<string>();
        var need = form!.Value("need");
        if (need is null || int.TryParse(need, out _) || !Enum.TryParse<RequestCategory>(need, out var category) || !Enum.IsDefined(category))
        {
            errors.Add(t.Say(Reason.SurveyChooseNeed.Say()));
            category = RequestCategory.Other;
        }

        int? household = null;
        if (form.Given("household") is { } people)
        {
            if (int.TryParse(people, out var n)) household = n;
            else errors.Add(t.Say(Reason.SurveyHouseholdRange.Say(1, SurveyAnswer.MaxHousehold)));
        }

        if (errors.Count > 0) return Page(slug, hub.Name, hub.Open, form, errors, StatusCodes.Status400BadRequest);
        if (!string.IsNullOrEmpty(form.Value(PublicIntakeEndpoints.Honeypot))) return Thanks(t);
        var id = Guid.TryParse(form.Value("answer"), out var given) ? given : Guid.NewGuid();
        var answered = await survey.Answer(slug, new SurveyAnswer(id, category, household, form.Given("comment"), SurveyChannel.Web));
        if (answered.IsOk) return Thanks(t);
        var said = answered.Errors.Count > 0 ? answered.Errors.Select(t.Say).ToList() : [t.Say(answered)];
        return Page(slug, hub.Name, hub.Open, form, said, answered.Reason == Reason.SurveyClosed ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static RazorComponentResult<MessagePage> Thanks(IStringLocalizer<UiText> t) =>
        new(new { Title = t["Survey.ThanksTitle"].Value, Text = t["Survey.ThanksText"].Value });

    private static RazorComponentResult<SurveyPage> Page(string slug, string name, bool open, IntakeForm form, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK) =>
        new(new { Slug = slug, HubName = name, Open = open, Form = form, Errors = errors }) { StatusCode = status };
}
