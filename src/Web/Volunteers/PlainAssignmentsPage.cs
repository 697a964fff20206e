using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;
using MutualAid.Web.Plain;
using MutualAid.Web.Users;
using MutualAid.Web.Localization;
using static MutualAid.Web.Plain.PlainPage;

namespace MutualAid.Web.Volunteers;

/// <summary>
/// A volunteer's jobs as a small server-rendered page with no Blazor circuit and no script, for an
/// old phone on a 2G connection: accept or decline, picked up, delivered. The requester's details
/// appear only while the volunteer's claim is active, exactly as on the full page.
/// </summary>
public static class PlainAssignmentsPage
{
    public const string Path = "/my/jobs";

    public static void MapPlainAssignments(this WebApplication app)
    {
        app.MapGet(Path, async (HttpContext http, CurrentUser user, IGrainFactory grains, HubActions actions, VolunteerService volunteers) =>
        {
            user.Set(http.User);
            var t = PlainPage.Text(http);
            // Only a known code becomes a message: nothing typed into the address bar is ever shown.
            var outcome = Outcomes.TryGetValue(http.Request.Query["done"].ToString(), out var key) ? t[key].Value : null;
            return await Render(http, user, grains, actions, volunteers, outcome);
        }).RequireAuthorization().NoStoreCache(); // it shows the requester's address and phone

        // Post/Redirect/Get: every POST answers 303 to the page with an outcome code, so a reload never sends the command again.
        app.MapPost(Path + "/{id:guid}/{command}", async (HttpContext http, Guid id, string command, CurrentUser user, HubActions actions, IAntiforgery antiforgery) =>
        {
            user.Set(http.User);
            var t = PlainPage.Text(http);
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest(t["Plain.FormExpired"].Value);
            var form = await http.Request.ReadFormAsync();
            if (!int.TryParse(form["version"], out var version)) return Results.BadRequest(t["Plain.MissingVersion"].Value);
            Result<RequestView> result;
            switch (command)
            {
                case "accept":
                    result = await actions.OnRequest(id, g => g.Accept(new RequestCommand(version, user.Actor)), assignedVolunteerMay: true);
                    break;
                case "decline":
                    result = await actions.OnRequest(id, g => g.Decline(new RequestCommand(version, user.Actor, t["Volunteer.DeclinedReason"])), assignedVolunteerMay: true);
                    break;
                case "start":
                    result = await actions.PickUp(id, version);
                    break;
                case "deliver":
                    if (!double.TryParse(form["hours"], NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) || !FulfilCommand.HoursInRange(hours)) return Done("HoursOutOfRange");
                    result = await actions.OnRequest(id, g => g.Fulfil(new FulfilCommand(version, user.Actor, hours)), assignedVolunteerMay: true);
                    break;
                default:
                    return Results.NotFound();
            }

            return Done(result.Status switch
            {
                ResultStatus.Ok => "Updated",
                ResultStatus.Conflict => "Conflict",
                ResultStatus.NotFound => "NotFound",
                ResultStatus.Invalid when result.Errors.Any(e => e.Field == nameof(FulfilCommand.HoursGiven)) => "HoursOutOfRange",
                ResultStatus.Invalid when result.Errors.Any(e => e.Field == HubActions.AcceptFirstField) => "AcceptFirst",
                _ => "Refused",
            });
        }).RequireAuthorization().DisableAntiforgery(); // checked above, with a readable answer
    }

    /// <summary>The outcome codes the page knows how to say, and the words for each.</summary>
    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        ["Updated"] = "Plain.Outcome.Updated",
        ["Conflict"] = "Plain.Outcome.Conflict",
        ["NotFound"] = "Plain.Outcome.NotFound",
        ["Refused"] = "Plain.Outcome.Refused",
        ["HoursOutOfRange"] = "Plain.Outcome.HoursOutOfRange",
        ["AcceptFirst"] = "Plain.Outcome.AcceptFirst",
    };

    private static SeeOther Done(string outcome) => new($"{Path}?done={outcome}");

    /// <summary>303 See Other: the browser fetches the page with GET whatever the method was.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }

    private static async Task<IResult> Render(HttpContext http, CurrentUser user, IGrainFactory grains, HubActions actions, VolunteerService volunteers, string? message)
    {
        var t = PlainPage.Text(http);
        var culture = CultureInfo.CurrentCulture;
        if (user.VolunteerId is not { } me) return PlainPage.Render(http, t["Plain.MyJobs"], $"<p>{E(t["Plain.NotAVolunteer"])}</p>", StatusCodes.Status403Forbidden);
        var volunteer = await grains.GetGrain<IVolunteerGrain>(me).GetView();
        var body = new StringBuilder();
        if (message is not null) body.Append(culture, $"""<p role="status"><strong>{E(message)}</strong></p>""");
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        async Task<TimeZoneInfo> Zone(string hub) => zones.TryGetValue(hub, out var z) ? z : zones[hub] = await volunteers.ZoneOf(hub);
        var homeZone = volunteer is { Profile.HubSlugs.Count: > 0 } ? await Zone(volunteer.Profile.HubSlugs[0]) : TimeZoneInfo.Utc;
        foreach (var notice in volunteer?.Notices.Take(3) ?? []) body.Append(culture, $"""<p class="errors">{E(HubTime.Show(notice.At, homeZone))} — {E(notice.Message)}</p>""");
        var assignments = volunteer is null ? [] : await volunteers.Assignments(volunteer);
        foreach (var (r, estimate) in assignments)
        {
            body.Append(culture, $"""<section><h2>{E(t.Word(r.Urgency))}: {E(t.Word(r.Category))} · {E(r.Area)}</h2><p>{E(r.Need)}</p><p>{E(t.Word(r.Status))} · {E(r.ReferenceCode)}</p>""");
            if (r.Assignment!.ClaimExpiresAt is { } until && r.Status == RequestStatus.Assigned)
            {
                var zone = await Zone(r.HubSlug);
                body.Append(culture, $"""<p>{E(t["Plain.YoursUntil", HubTime.Show(until, zone, "t")])} ({E(zone.Id)})</p>""");
            }

            if (await actions.PrivateView(r.Id) is { } p) body.Append(culture, $"""<p>{E(p.Contact.Name)} · {E(p.Contact.Phone)} · {E(p.Contact.Address)}</p>""");
            // Accept comes before picked up: an offer only shows accept and decline.
            var buttons = r switch
            {
                { Assignment.State: AssignmentState.Offered } => new[] { ("accept", t["Volunteer.Accept"].Value), ("decline", t["Volunteer.Decline"].Value) },
                { Status: RequestStatus.Assigned, Assignment.State: AssignmentState.Accepted } => [("start", t["Dispatch.PickedUp"].Value)],
                { Status: RequestStatus.InProgress } => [("deliver", t["Dispatch.Delivered"].Value)],
                _ => [],
            };
            foreach (var (command, label) in buttons)
            {
                var hours = command == "deliver"
                    ? $"""<label for="hours-{r.Id:N}">{E(t["Volunteer.HowLong"])}</label> <input id="hours-{r.Id:N}" name="hours" type="number" min="{FulfilCommand.MinHours.ToString(CultureInfo.InvariantCulture)}" max="{FulfilCommand.MaxHours.ToString(CultureInfo.InvariantCulture)}" step="0.25" value="{Math.Clamp(estimate, FulfilCommand.MinHours, FulfilCommand.MaxHours).ToString(CultureInfo.InvariantCulture)}" required> """
                    : "";
                body.Append(culture, $"""<form method="post" action="{Path}/{r.Id}/{command}">{Antiforgery(http)}<input type="hidden" name="version" value="{r.Version}">{hours}<button type="submit">{E(label)}</button></form>""");
            }

            body.Append("</section>");
        }

        if (assignments.Count == 0) body.Append(culture, $"<p>{E(t["Volunteer.NothingAssigned"])}</p>");
        body.Append(culture, $"""<p><a href="/my/profile">{E(t["Layout.MyProfile"])}</a></p>""");
        return PlainPage.Render(http, t["Plain.MyJobs"], body.ToString());
    }
}
