using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;
using MutualAid.Web.Dispatch;
using MutualAid.Web.Hosting;
using MutualAid.Web.Layout;
using MutualAid.Web.Localization;
using MutualAid.Web.Plain;

namespace MutualAid.Web.Volunteers;

/// <summary>
/// A volunteer's jobs as a small server-rendered page with no Blazor circuit and no script, for an
/// old phone on a 2G connection: accept or decline, picked up, delivered. The requester's details
/// appear only while the volunteer's claim is active, exactly as on the full page.
/// </summary>
public static class MyJobsEndpoints
{
    public const string Path = "/my/jobs";

    /// <summary>The outcome codes the page knows how to say, and the words for each.</summary>
    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        ["Updated"] = "Plain.Outcome.Updated",
        ["Conflict"] = "Plain.Outcome.Conflict",
        ["NotFound"] = "Plain.Outcome.NotFound",
        ["Refused"] = "Plain.Outcome.Refused",
        ["HoursOutOfRange"] = "Plain.Outcome.HoursOutOfRange",
        ["AcceptFirst"] = "Plain.Outcome.AcceptFirst",
        ["AcceptBeforeArriving"] = "Phrase.Reason.AcceptBeforeArriving",
        ["LeaveSafelyFirst"] = "Phrase.Reason.LeaveSafelyFirst",
    };

    public static void MapMyJobs(this WebApplication app)
    {
        app.MapGet(Path, Jobs).RequireAuthorization().NoStoreCache(); // it shows the requester's address and phone
        // Antiforgery is checked in Act, with a readable answer.
        app.MapPost(Path + "/{id:guid}/{command}", Act).RequireAuthorization().DisableAntiforgery();
    }

    public static async Task<Results<RazorComponentResult<MyJobsPage>, RazorComponentResult<MessagePage>>> Jobs(
        CurrentUser user, IGrainFactory grains, RequestReader requests, VolunteerService volunteers, HubZones zones, CaseNoteService notes, IStringLocalizer<UiText> t, string? done)
    {
        if (user.VolunteerId is not { } me)
        {
            return MessagePages.Say(t["Plain.MyJobs"], t["Plain.NotAVolunteer"], StatusCodes.Status403Forbidden);
        }

        var volunteer = await grains.GetGrain<IVolunteerGrain>(me).GetView();
        var homeZone = volunteer is { Profile.HubSlugs.Count: > 0 } ? await zones.Of(volunteer.Profile.HubSlugs[0]) : TimeZoneInfo.Utc;
        var notices = (volunteer?.Notices.Take(3) ?? []).Select(n => new MyNotice(HubTime.Show(n.At, homeZone), t.Say(n.Said, n.Message) ?? "")).ToList();
        // What the hubs sent them (also by SMS or email); what a notice above already says is not repeated.
        var sent = volunteer is null ? [] : await Notifications.PersonalMessages.For(grains, MutualAid.Notifications.Recipient.Volunteer(me), volunteer.Profile.HubSlugs, 5);
        var messages = sent.Where(e => e.Message.Kind is not (MutualAid.Notifications.MessageKind.CoordinatorMessage or MutualAid.Notifications.MessageKind.ClaimLapsed))
            .Select(e => new MyNotice(HubTime.Show(e.Message.DecidedAt, homeZone), t.Say(e.Message.Said))).ToList();
        var jobs = new List<MyJob>();
        foreach (var (r, estimate) in volunteer is null ? [] : await volunteers.Assignments(volunteer))
        {
            string? until = null;
            if (r.HeldBy(me)?.ClaimExpiresAt is { } expires && RequestLifecycle.ClaimRuns(r.Status))
            {
                var zone = await zones.Of(r.HubSlug);
                // Alone in a pair, they cannot pick it up yet: what keeps it theirs is a partner joining in time.
                until = t[RequestLifecycle.IsWaiting(r.Status) ? "Plain.YoursUntilWaiting" : "Plain.YoursUntil", HubTime.ShowNamed(expires, zone)];
            }

            jobs.Add(new MyJob(r, estimate, until, (await requests.PrivateView(r.Id))?.Contact, (await notes.ForMyJob(r.HubSlug, r.Id)).Value)
            {
                CheckIn = CheckIns.Next(r, me),
                Mine = r.HeldBy(me),
            });
        }

        // Only a known code becomes a message: nothing typed into the address bar is ever shown.
        var outcome = done is not null && Outcomes.TryGetValue(done, out var key) ? t[key].Value : null;
        return new RazorComponentResult<MyJobsPage>(new { Outcome = outcome, Notices = notices, Messages = messages, Jobs = jobs });
    }

    /// <summary>Post/Redirect/Get: every POST answers 303 to the page with an outcome code, so a reload never sends the command again.</summary>
    public static async Task<Results<SeeOther, RazorComponentResult<MessagePage>, NotFound>> Act(
        HttpContext http, Guid id, string command, CurrentUser user, VolunteerJobService actions, IAntiforgery antiforgery, IStringLocalizer<UiText> t)
    {
        // A page to read, as /ask gives: this is a browser with no script, not a client that reads JSON.
        if (!await antiforgery.IsRequestValidAsync(http)) return MessagePages.SendAgain(t);
        var form = await http.Request.ReadFormAsync();
        if (!int.TryParse(form["version"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)) return MessagePages.Alert(t["Public.SendAgain"], t["Plain.MissingVersion"], StatusCodes.Status400BadRequest);
        if (form["hub"].ToString() is not { } hub || !Slug.IsValid(hub)) return TypedResults.NotFound();
        Result<RequestView> result;
        switch (command)
        {
            case "accept":
                result = await actions.Accept(hub, id, version);
                break;
            case "decline":
                result = await actions.Decline(hub, id, version, t["Volunteer.DeclinedReason"]);
                break;
            case "give-back":
                result = await actions.Decline(hub, id, version, t["Volunteer.GaveBackReason"]);
                break;
            case "start":
                result = await actions.PickUp(hub, id, version);
                break;
            case "here":
                result = await actions.Arrive(hub, id);
                break;
            case "safe":
                result = await actions.LeaveSafely(hub, id);
                break;
            case "deliver":
                // A browser without type=number sends the hours as typed, with the reader's decimal comma.
                var hours = HoursTyped.Read(form["hours"]);
                if (!FulfilCommand.HoursInRange(hours)) return Done("HoursOutOfRange");
                result = await actions.Deliver(hub, id, version, hours);
                break;
            default:
                return TypedResults.NotFound();
        }

        return Done(result.Status switch
        {
            ResultStatus.Ok => "Updated",
            ResultStatus.Conflict => "Conflict",
            ResultStatus.NotFound => "NotFound",
            ResultStatus.Invalid when result.Errors.Any(e => e.Field == nameof(FulfilCommand.HoursGiven)) => "HoursOutOfRange",
            ResultStatus.Invalid when result.Errors.Any(e => e.Field == VolunteerJobService.AcceptFirstField) => "AcceptFirst",
            ResultStatus.Refused when result.Reason == Reason.LeaveSafelyFirst => "LeaveSafelyFirst",
            ResultStatus.Refused when result.Reason == Reason.AcceptBeforeArriving => "AcceptBeforeArriving",
            _ => "Refused",
        });
    }

    private static SeeOther Done(string outcome) => new($"{Path}?done={outcome}");
}
