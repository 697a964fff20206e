using Microsoft.AspNetCore.Antiforgery;
using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;
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
        app.MapGet(Path, async (HttpContext http, CurrentUser user, IGrainFactory grains, HubActions actions) =>
        {
            user.Set(http.User);
            return await Render(http, user, grains, actions, null);
        }).RequireAuthorization();

        app.MapPost(Path + "/{id:guid}/{command}", async (HttpContext http, Guid id, string command, CurrentUser user, IGrainFactory grains, HubActions actions, IAntiforgery antiforgery) =>
        {
            user.Set(http.User);
            var t = PlainPage.Text(http);
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest(t["Plain.FormExpired"].Value);
            var form = await http.Request.ReadFormAsync();
            if (!int.TryParse(form["version"], out var version)) return Results.BadRequest(t["Plain.MissingVersion"].Value);
            Func<IRequestGrain, Task<Result<RequestView>>>? run = command switch
            {
                "accept" => g => g.Accept(new RequestCommand(version, user.Actor)),
                "decline" => g => g.Decline(new RequestCommand(version, user.Actor, t["Volunteer.DeclinedReason"])),
                "start" => g => g.Start(new RequestCommand(version, user.Actor)),
                "deliver" => g => g.Fulfil(new FulfilCommand(version, user.Actor, 1)),
                _ => null,
            };
            if (run is null) return Results.NotFound();
            var result = await actions.OnRequest(id, run, assignedVolunteerMay: true);
            var message = result.IsOk ? t["Volunteer.Updated"] : result.Conflict is { } c ? t.Describe(c, DateTimeOffset.UtcNow) : result.Message ?? t["Common.DidNotWork"];
            return await Render(http, user, grains, actions, message);
        }).RequireAuthorization().DisableAntiforgery(); // checked above, with a readable answer

    }

    private static async Task<IResult> Render(HttpContext http, CurrentUser user, IGrainFactory grains, HubActions actions, string? message)
    {
        var t = PlainPage.Text(http);
        if (user.VolunteerId is not { } me) return PlainPage.Render(http, t["Plain.MyJobs"], $"<p>{E(t["Plain.NotAVolunteer"])}</p>", StatusCodes.Status403Forbidden);
        var volunteer = await grains.GetGrain<IVolunteerGrain>(me).GetView();
        var body = new System.Text.StringBuilder();
        if (message is not null) body.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<p role="status"><strong>{E(message)}</strong></p>""");
        foreach (var notice in volunteer?.Notices.Take(3) ?? []) body.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<p class="errors">{E(notice.Message)}</p>""");
        var jobs = 0;
        foreach (var reservation in volunteer?.Reservations ?? [])
        {
            if (await grains.GetGrain<IRequestGrain>(reservation.RequestId).GetView() is not { } r || r.Assignment?.VolunteerId != me) continue;
            jobs++;
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<section><h2>{E(t.Word(r.Urgency))}: {E(t.Word(r.Category))} · {E(r.Area)}</h2><p>{E(r.Need)}</p><p>{E(t.Word(r.Status))} · {E(r.ReferenceCode)}</p>""");
            if (r.Assignment.ClaimExpiresAt is { } until && r.Status == RequestStatus.Assigned) body.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<p>{E(t["Plain.YoursUntil", until.ToString("t", System.Globalization.CultureInfo.CurrentCulture)])}</p>""");
            if (await actions.PrivateView(r.Id) is { } p) body.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<p>{E(p.Contact.Name)} · {E(p.Contact.Phone)} · {E(p.Contact.Address)}</p>""");
            var buttons = r switch
            {
                { Assignment.State: AssignmentState.Offered } => new[] { ("accept", t["Volunteer.Accept"].Value), ("decline", t["Volunteer.Decline"].Value) },
                { Status: RequestStatus.Assigned } => [("start", t["Dispatch.PickedUp"].Value)],
                { Status: RequestStatus.InProgress } => [("deliver", t["Dispatch.Delivered"].Value)],
                _ => [],
            };
            foreach (var (command, label) in buttons)
            {
                body.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<form method="post" action="{Path}/{r.Id}/{command}">{Antiforgery(http)}<input type="hidden" name="version" value="{r.Version}"><button type="submit">{E(label)}</button></form>""");
            }

            body.Append("</section>");
        }

        if (jobs == 0) body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>{E(t["Volunteer.NothingAssigned"])}</p>");
        return PlainPage.Render(http, t["Plain.MyJobs"], body.ToString());
    }
}
