using MutualAid.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MutualAid.Requests;
using MutualAid.Hubs;
using MutualAid.Sms;
using MutualAid.Stats;
using MutualAid.Thanks;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Sms;

/// <summary>
/// What a text to a hub's number does, and the words sent back. A volunteer's phone answers their
/// latest job; anyone else can ask for help; anyone can say STOP. Every change goes through the
/// request grain's commands, with the same limits, leases and checks as the web.
/// </summary>
public sealed class SmsInbox(IGrainFactory grains, SmsWords words)
{
    /// <param name="messageSid">Twilio's id of the text: a webhook Twilio retries (our answer was slow) must not open a second request.</param>
    public async Task<string> Receive(string from, string to, string body, string? messageSid = null)
    {
        var text = SmsText.Read(body);
        if (ISmsOptOutGrain.Key(from) is not { } phone) return words.SayInAll(Reason.SmsHowToAsk.Say());
        switch (text.Intent)
        {
            case SmsIntent.Stop:
                await grains.GetGrain<ISmsOptOutGrain>(phone).OptOut();
                return words.Say(text.Language, Reason.SmsStopped.Say());
            case SmsIntent.Start:
                await grains.GetGrain<ISmsOptOutGrain>(phone).OptIn();
                return words.Say(text.Language, Reason.SmsStarted.Say());
        }

        // Before the volunteer's words: someone who volunteers may have been helped too.
        if (text.Intent is not (SmsIntent.Thanks or SmsIntent.Need) && await Volunteer(phone) is { } volunteer) return await Answer(volunteer, text);
        if (ISmsOptOutGrain.Key(to) is not { } number || await grains.GetGrain<ISmsNumberGrain>(number).Hub() is not { } hub)
        {
            return words.SayInAll(Reason.SmsNoHubHere.Say());
        }

        return text.Intent switch
        {
            SmsIntent.Help => await Ask(hub, from, text, messageSid),
            SmsIntent.Thanks => await Thank(hub, phone, text, body, messageSid),
            SmsIntent.Need => await Survey(hub, text, messageSid),
            _ => words.SayInAll(Reason.SmsHowToAsk.Say()),
        };
    }

    /// <summary>
    /// THANKS/GRACIAS from the phone a request was made with: the words after it go to whoever
    /// delivered this hub's latest request from that phone. The reply names nobody.
    /// </summary>
    private async Task<string> Thank(string hub, string phone, SmsText text, string body, string? messageSid)
    {
        var delivered = new List<RequestView>();
        foreach (var id in await grains.GetGrain<IHubGrain>(hub).FindRequestsByContact(phone))
        {
            // The index keeps only part of the number: the request's own phone is the proof.
            if (await grains.GetGrain<IRequestGrain>(id).GetView() is { Status: RequestStatus.Fulfilled } view && ISmsOptOutGrain.Key(view.Contact.Phone) == phone)
            {
                delivered.Add(view);
            }
        }

        if (delivered.MaxBy(v => v.Assignment?.CompletedAt ?? v.UpdatedAt) is not { } latest) return words.Say(text.Language, Reason.SmsNothingToThank.Say());
        var note = text.Rest.Length > 0 ? text.Rest : body.Trim();
        if (note.Length > ThankYouNote.MaxLength) note = note[..ThankYouNote.MaxLength];
        var thanked = await grains.GetGrain<IRequestGrain>(latest.Id).Thank(new ThankCommand(NoteId(messageSid), ThanksFrom.Requester, note, AppActors.Requester));
        return words.Say(text.Language, thanked.IsOk ? Reason.SmsThanksPassedOn.Say() : thanked.Said ?? Reason.SmsNothingToThank.Say());
    }

    /// <summary>
    /// NEED/NECESITO and the need ("NEED food 4"): one answer to the hub's needs survey, counted
    /// under the kind of need it names (else Other). The phone is not kept with it; the words go
    /// to the hub's coordinators only.
    /// </summary>
    private async Task<string> Survey(string hub, SmsText text, string? messageSid)
    {
        var household = text.FirstNumber() is { } n && n is >= 1 and <= SurveyAnswer.MaxHousehold ? n : (int?)null;
        // Cleaned as it was read (SmsText.Read).
        var said = text.Rest.Length > SurveyAnswer.MaxComment ? text.Rest[..SurveyAnswer.MaxComment] : text.Rest;
        var id = string.IsNullOrEmpty(messageSid) ? Guid.NewGuid() : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("sms-survey:" + messageSid)).AsSpan(0, 16));
        var answered = await grains.GetGrain<IHubStatsGrain>(hub).Answer(new SurveyAnswer(id, text.Category(), household, said.Length > 0 ? said : null, SurveyChannel.Sms));
        return words.Say(text.Language, answered.IsOk ? Reason.SmsSurveyCounted.Say() : Reason.SmsSurveyNotOpen.Say());
    }

    /// <summary>A retried webhook (same Twilio id) passes the same note once.</summary>
    private static Guid NoteId(string? messageSid) =>
        string.IsNullOrEmpty(messageSid) ? Guid.NewGuid() : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("sms-thanks:" + messageSid)).AsSpan(0, 16));

    /// <summary>The volunteer this phone belongs to; the index is checked against their profile, which may have changed since.</summary>
    private async Task<VolunteerView?> Volunteer(string phone)
    {
        if (await grains.GetGrain<IPhoneVolunteerGrain>(phone).Volunteer() is not { } id) return null;
        var view = await grains.GetGrain<IVolunteerGrain>(id).GetView();
        return view?.Profile.Contact?.MatchKey() == phone ? view : null;
    }

    /// <summary>A new request from someone texting HELP/AYUDA: New, from SMS, for the hub's dispatchers to triage.</summary>
    private async Task<string> Ask(string hub, string from, SmsText text, string? messageSid)
    {
        var request = new NewRequest(hub, text.Category(), Urgency.Normal, text.Area(), Need(text), new ContactDetails(from, from, null, null), RequestSource.Sms, AppActors.TextMessage)
        {
            PreferredLanguage = CultureInfo.GetCultureInfo(text.Language).EnglishName,
        };
        var grain = grains.GetGrain<IRequestGrain>(RequestId(messageSid));
        var created = await grain.Create(request);
        var code = created.IsOk ? created.Value!.ReferenceCode
            : created.Reason == Reason.AlreadyExists && await grain.GetView() is { Source: RequestSource.Sms } first && first.Contact.Phone == from ? first.ReferenceCode
            : null;
        return words.Say(text.Language, code is not null ? Reason.SmsRequestReceived.Say(code) : Reason.SmsRequestNotTaken.Say());
    }

    /// <summary>The same text (by Twilio's id) always names the same request, so a retried webhook finds the one it made.</summary>
    private static Guid RequestId(string? messageSid) =>
        string.IsNullOrEmpty(messageSid) ? Guid.NewGuid() : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("sms:" + messageSid)).AsSpan(0, 16));

    /// <summary>The whole text is the need; "HELP" alone still makes a request a dispatcher can call back about.</summary>
    private static string Need(SmsText text)
    {
        var need = text.Rest.Length > 0 ? text.Rest : text.Intent.ToString();
        return need[..Math.Min(need.Length, NewRequest.MaxNeedLength)];
    }

    private async Task<string> Answer(VolunteerView volunteer, SmsText text)
    {
        var language = SmsWords.LanguageOf(volunteer.Profile.Languages);
        if (text.Intent is not (SmsIntent.Yes or SmsIntent.No or SmsIntent.Done or SmsIntent.Here or SmsIntent.Safe)) return words.Say(language, Reason.SmsVolunteerHowTo.Say());
        // A job they still hold comes first. The last one they were given may have ended since (done,
        // cancelled, given to someone else); it is asked about only so a late YES hears it went elsewhere.
        var held = volunteer.Reservations;
        var job = held.FirstOrDefault(r => r.RequestId == volunteer.LastReservation?.RequestId) ?? held.MaxBy(r => r.ReservedAt) ?? volunteer.LastReservation;
        if (job is null) return words.Say(language, Reason.SmsNoJobWaiting.Say());

        var grain = grains.GetGrain<IRequestGrain>(job.RequestId);
        var request = await grain.GetView();
        var code = request?.ReferenceCode ?? "";
        var open = request is not null && RequestLifecycle.IsOpen(request.Status);
        var mine = open && request!.HeldBy(volunteer.Id) is not null && request.HubSlug == job.HubSlug;
        if (!mine) return words.Say(language, text.Intent == SmsIntent.Yes && open ? Reason.SmsNoLongerYours.Say(code) : Reason.SmsNoJobWaiting.Say());

        var actor = new Actor($"volunteer:{volunteer.Id}", volunteer.Profile.Name);
        RequestCommand Command(int version) => new(version, actor) { Hub = job.HubSlug, AsVolunteer = volunteer.Id };
        var (result, done) = text.Intent switch
        {
            SmsIntent.Yes => (await grain.Accept(Command(request!.Version)), Reason.SmsAccepted),
            SmsIntent.No => (await grain.Decline(Command(request!.Version)), Reason.SmsDeclined),
            // Check-ins carry no version: a text from a doorstep is never stale.
            SmsIntent.Here => (await grain.Arrive(Command(0)), Reason.SmsArrived),
            SmsIntent.Safe => (await grain.LeaveSafely(Command(0)), Reason.SmsLeftSafely),
            _ => (await Deliver(grain, request!, actor, job, volunteer.Id), Reason.SmsDelivered),
        };
        if (result.IsOk && text.Intent == SmsIntent.Yes && await grain.ContactForVolunteer(volunteer.Id) is { } contact)
        {
            // Accepted, the job is theirs: where to go comes now, not with the offer they might have declined.
            return words.Say(language, Reason.ContactWhileClaimed.Say(done.Say(code), contact.SaidOnOneLine()));
        }

        if (result.IsOk) return words.Say(language, done.Say(code));
        return words.Say(language, result.Reason is Reason.NotYours or Reason.NotInHub && text.Intent == SmsIntent.Yes
            ? Reason.SmsNoLongerYours.Say(code)
            : Reason.SmsJobNotChanged.Say(code, result.Said is { } why ? why : result.Message ?? ""));
    }

    /// <summary>
    /// DONE means picked up and delivered: a job they accepted is started first, as the web's two
    /// buttons would. One only offered must be accepted first, as on the web.
    /// </summary>
    private static async Task<Result<RequestView>> Deliver(IRequestGrain grain, RequestView request, Actor actor, Reservation job, Guid me)
    {
        var assignment = request.HeldBy(me)!;
        if (assignment.State == AssignmentState.Offered) return Result<RequestView>.Invalid(Web.Volunteers.VolunteerJobService.AcceptFirstField, Reason.AcceptFirst);
        var version = request.Version;
        if (request.Status == RequestStatus.Assigned)
        {
            var started = await grain.Start(new RequestCommand(version, actor) { Hub = job.HubSlug, AsVolunteer = me });
            if (!started.IsOk) return started;
            version = started.Value!.Version;
        }

        var hours = assignment.EstimatedHours ?? job.EstimatedHours;
        return await grain.Fulfil(new FulfilCommand(version, actor, hours) { Hub = job.HubSlug, AsVolunteer = me });
    }
}
