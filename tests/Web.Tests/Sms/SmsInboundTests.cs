using MutualAid.Sms;
using MutualAid.Web.Notifications.Channels;
using MutualAid.Web.Tests.Notifications;

namespace MutualAid.Web.Tests.Sms;

public sealed class SmsInboundTests(ChannelsFixture app) : IClassFixture<ChannelsFixture>
{
    private IGrainFactory Grains => app.Factory.Grains;

    private static string Phone() => "+1555" + Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A hub people can text at a number of its own.</summary>
    private async Task<(string Hub, string Number)> HubWithNumber()
    {
        var hub = await Seed.Hub(Grains);
        var number = Phone();
        var grain = Grains.GetGrain<IHubGrain>(hub);
        var set = await grain.Configure((await grain.GetSettings())! with { SmsNumber = number }, Seed.Sam);
        Assert.True(set.IsOk, set.Message);
        return (hub, number);
    }

    private async Task<RequestView> RequestCoded(string reply)
    {
        var code = Regex.Match(reply, "[2-9A-Z]{3}-[2-9A-Z]{4}").Value;
        Assert.NotEmpty(code);
        var id = await Grains.GetGrain<IReferenceCodeGrain>(IReferenceCodeGrain.Key(code)).Request();
        return (await Grains.GetGrain<IRequestGrain>(id!.Value).GetView())!;
    }

    [Fact]
    public async Task An_unsigned_or_badly_signed_text_is_refused_with_nothing_said()
    {
        var (_, number) = await HubWithNumber();
        var from = Phone();
        var form = new Dictionary<string, string> { ["From"] = from, ["To"] = number, ["Body"] = "HELP food" };

        var unsigned = await app.Text(from, number, "HELP food", withoutSignature: true);
        var wrong = await app.Text(from, number, "HELP food", signature: "bm90IGEgc2lnbmF0dXJl");
        var otherUrl = await app.Text(from, number, "HELP food", signature: TwilioSignature.Compute(TwilioStandIn.AuthToken, "https://evil.example.org/sms/inbound", form));
        var otherToken = await app.Text(from, number, "HELP food", signature: TwilioSignature.Compute("not-the-token", ChannelsFixture.WebhookUrl, form));

        Assert.All([unsigned, wrong, otherUrl, otherToken], r =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.Status);
            Assert.Empty(r.Reply);
        });
    }

    [Fact]
    public async Task HELP_from_an_unknown_number_makes_a_New_request_from_SMS_and_answers_its_code()
    {
        var (hub, number) = await HubWithNumber();
        var from = Phone();

        var (status, reply) = await app.Text(from, number, "help! I need medicine in Oak Road.");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Your reference is", reply, StringComparison.Ordinal);
        var request = await RequestCoded(reply);
        Assert.Equal(hub, request.HubSlug);
        Assert.Equal(RequestStatus.New, request.Status);
        Assert.Equal(RequestSource.Sms, request.Source);
        Assert.Equal(RequestCategory.Medicine, request.Category);
        Assert.Equal("Oak Road", request.Area);
        Assert.Equal("English", request.PreferredLanguage);
        Assert.Equal(from, request.Contact.Phone);
        Assert.Equal("I need medicine in Oak Road.", request.Need);
        var audit = await Grains.GetGrain<IRequestGrain>(request.Id).GetAudit();
        Assert.Equal(Reason.SmsCameIn.Say().Key, audit[0].ReasonSaid?.Key);
    }

    [Fact]
    public async Task HELP_with_an_emoji_makes_a_request_like_any_other()
    {
        var (_, number) = await HubWithNumber();

        var (status, reply) = await app.Text(Phone(), number, "HELP food 🍞 in Docks");

        Assert.Equal(HttpStatusCode.OK, status);
        var request = await RequestCoded(reply);
        Assert.Equal(RequestCategory.Food, request.Category);
        Assert.Equal("Docks", request.Area);
        Assert.Equal("food 🍞 in Docks", request.Need);
    }

    /// <summary>
    /// A place ended at the line's end, so "in Docks" and the next line were one area, which a request
    /// refuses (a line break in a one-line field): the person was told their text was not taken.
    /// </summary>
    [Fact]
    public async Task HELP_over_two_lines_and_with_invisible_characters_still_makes_a_request()
    {
        var (_, number) = await HubWithNumber();

        var (_, twoLines) = await app.Text(Phone(), number, "HELP food in Docks\nplease call after 5");
        var (_, reversed) = await app.Text(Phone(), number, "HELP \u202Efood\u0007 in Quay");

        var first = await RequestCoded(twoLines);
        Assert.Equal(("Docks", "food in Docks\nplease call after 5"), (first.Area, first.Need));
        var second = await RequestCoded(reversed);
        Assert.Equal(("Quay", "food in Quay"), (second.Area, second.Need));
    }

    [Fact]
    public async Task A_text_Twilio_posts_again_opens_one_request_and_answers_the_same_code()
    {
        var (hub, number) = await HubWithNumber();
        var from = Phone();
        var sid = "SM" + Guid.NewGuid().ToString("N");

        var (_, first) = await app.Text(from, number, "HELP food in Pine Lane", messageSid: sid);
        var (_, again) = await app.Text(from, number, "HELP food in Pine Lane", messageSid: sid);

        Assert.Equal(first, again);
        await Wait.Until(async () => (await Grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Requests.Any(r => r.Area == "Pine Lane"), "the request on the board");
        Assert.Single((await Grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Requests, r => r.Area == "Pine Lane");
    }

    [Fact]
    public async Task AYUDA_makes_a_Spanish_request_and_answers_in_Spanish()
    {
        var (_, number) = await HubWithNumber();

        var (_, reply) = await app.Text(Phone(), number, "Ayúda necesito comida en Elm Street");

        Assert.Contains("Tu referencia es", reply, StringComparison.Ordinal);
        var request = await RequestCoded(reply);
        Assert.Equal(RequestCategory.Food, request.Category);
        Assert.Equal("Elm Street", request.Area);
        Assert.Equal("Spanish", request.PreferredLanguage);
    }

    [Fact]
    public async Task Other_texts_from_unknown_numbers_and_texts_to_unknown_numbers_get_help_in_both_languages()
    {
        var (_, number) = await HubWithNumber();

        var (_, hint) = await app.Text(Phone(), number, "hello?");
        var (_, nobody) = await app.Text(Phone(), Phone(), "HELP food");

        Assert.Contains("text HELP", hint, StringComparison.Ordinal);
        Assert.Contains("envía AYUDA", hint, StringComparison.Ordinal);
        Assert.Contains("does not take requests", nobody, StringComparison.Ordinal);
        Assert.Contains("no recibe solicitudes", nobody, StringComparison.Ordinal);
    }

    /// <summary>A volunteer with a phone on the hub, and a request assigned to them (offered, not yet answered).</summary>
    private async Task<(string Phone, Guid Volunteer, RequestView Request)> Offered(string hub, string language = "English", string? phone = null, RequestView? request = null)
    {
        phone ??= Phone();
        var volunteer = Guid.NewGuid();
        var registered = await Grains.GetGrain<IVolunteerGrain>(volunteer).Register(
            new VolunteerProfile("Vera", [hub], [RequestCategory.Food], [language], false, 3, 10) { Contact = new ContactDetails("Vera", phone, null, null) }, Seed.Sam);
        Assert.True(registered.IsOk, registered.Message);
        request ??= await Seed.Request(Grains, hub, phone: Phone());
        var assigned = await Grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(request.Version, Seed.Sam, volunteer, 1.5) { Hub = hub });
        Assert.True(assigned.IsOk, assigned.Message);
        return (phone, volunteer, assigned.Value!);
    }

    [Fact]
    public async Task A_volunteer_accepts_by_YES_and_delivers_by_DONE()
    {
        var (hub, number) = await HubWithNumber();
        var (phone, volunteer, request) = await Offered(hub);

        var (_, yes) = await app.Text(phone, number, "Yes");
        var accepted = await Grains.GetGrain<IRequestGrain>(request.Id).GetView();
        var (_, done) = await app.Text(phone, number, "done");
        var delivered = await Grains.GetGrain<IRequestGrain>(request.Id).GetView();

        // Accepted, the job is theirs: the answer tells them where to go.
        Assert.Equal($"Thank you: job {request.ReferenceCode} is yours. Contact: Maria Lopez, {request.Contact.Phone}, {request.Contact.Email}, 12 Elm Street.", yes);
        Assert.Equal(AssignmentState.Accepted, accepted!.Assignment!.State);
        Assert.Equal($"Job {request.ReferenceCode} is marked delivered. Thank you!", done);
        Assert.Equal(RequestStatus.Fulfilled, delivered!.Status);
        Assert.Equal(1.5, delivered.Assignment!.Hours);
        Assert.Empty((await Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Reservations);
    }

    [Fact]
    public async Task A_volunteer_whose_job_is_done_is_told_no_job_is_waiting_whatever_they_answer()
    {
        var (hub, number) = await HubWithNumber();
        var (phone, _, request) = await Offered(hub, "Spanish");
        await app.Text(phone, number, "SÍ");
        await app.Text(phone, number, "LISTO");
        Assert.Equal(RequestStatus.Fulfilled, (await Grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Status);

        foreach (var answer in new[] { "SÍ", "NO", "LISTO" })
        {
            var (_, reply) = await app.Text(phone, number, answer);
            Assert.Equal("No tienes ningún trabajo esperando respuesta.", reply);
        }

        Assert.Equal(RequestStatus.Fulfilled, (await Grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Status);
    }

    [Fact]
    public async Task Accepting_a_texted_request_by_YES_says_its_phone_once_and_no_empty_address()
    {
        var (hub, number) = await HubWithNumber();
        var requester = Phone();
        var (_, received) = await app.Text(requester, number, "HELP food in Docks");
        var texted = await RequestCoded(received);
        var (phone, _, _) = await Offered(hub, request: texted);

        var (_, yes) = await app.Text(phone, number, "YES");

        Assert.Equal($"Thank you: job {texted.ReferenceCode} is yours. Contact: {requester}.", yes);
    }

    [Fact]
    public async Task A_volunteer_declines_by_NO_in_their_language()
    {
        var (hub, number) = await HubWithNumber();
        var (phone, _, request) = await Offered(hub, "Spanish");

        var (_, no) = await app.Text(phone, number, "no");

        Assert.Equal($"Rechazaste el trabajo {request.ReferenceCode}. Gracias por avisar.", no);
        var view = await Grains.GetGrain<IRequestGrain>(request.Id).GetView();
        Assert.Null(view!.Assignment);
    }

    [Fact]
    public async Task A_late_YES_after_the_job_went_elsewhere_is_refused_politely()
    {
        var (hub, number) = await HubWithNumber();
        var (phone, _, request) = await Offered(hub, "Spanish");
        var unassigned = await Grains.GetGrain<IRequestGrain>(request.Id).Unassign(new RequestCommand(request.Version, Seed.Sam) { Hub = hub });
        Assert.True(unassigned.IsOk, unassigned.Message);

        var (status, yes) = await app.Text(phone, number, "SÍ");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"Lo sentimos, ya no puedes aceptar el trabajo {request.ReferenceCode}: el plazo terminó o se asignó a otra persona.", yes);
        Assert.Null((await Grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Assignment);
    }

    [Fact]
    public async Task A_changed_phone_no_longer_answers_for_the_volunteer()
    {
        var (hub, number) = await HubWithNumber();
        var (phone, volunteer, _) = await Offered(hub);
        var grain = Grains.GetGrain<IVolunteerGrain>(volunteer);
        var profile = (await grain.GetView())!.Profile;
        Assert.True((await grain.UpdateProfile(profile with { Contact = new ContactDetails("Vera", Phone(), null, null) }, Seed.Sam)).IsOk);

        var (_, reply) = await app.Text(phone, number, "YES");

        Assert.Contains("text HELP", reply, StringComparison.Ordinal);
        Assert.Null(await Grains.GetGrain<IPhoneVolunteerGrain>(ISmsOptOutGrain.Key(phone)!).Volunteer());
    }

    [Fact]
    public async Task STOP_by_text_stops_our_texts_and_START_brings_them_back()
    {
        var (_, number) = await HubWithNumber();
        var phone = Phone();
        var first = new OutgoingText("k1" + Guid.NewGuid().ToString("N"), phone, null, "first", "en");
        var second = new OutgoingText("k2" + Guid.NewGuid().ToString("N"), phone, null, "second", "en");

        var (_, stopped) = await app.Text(phone, number, "stop");
        var refused = await app.Sms.Send(first, CancellationToken.None);
        var (_, started) = await app.Text(phone, number, "ALTA");
        var sent = await app.Sms.Send(second, CancellationToken.None);

        Assert.Equal("You will get no more texts from us. Text START to get them again.", stopped);
        Assert.True(refused.Permanent);
        Assert.Equal(Reason.PhoneTextedStop.Say().Key, refused.Said?.Key);
        Assert.Equal("Los mensajes están activados de nuevo. Envía PARAR para detenerlos.", started);
        Assert.True(sent.Sent, sent.Error);
        var received = Assert.Single(app.Twilio.Received, m => m.To == phone);
        Assert.Equal(second.Body, received.Body);
    }

    [Fact]
    public async Task Two_hubs_cannot_share_an_SMS_number()
    {
        var (_, number) = await HubWithNumber();
        var other = await Seed.Hub(Grains);
        var grain = Grains.GetGrain<IHubGrain>(other);

        var taken = await grain.Configure((await grain.GetSettings())! with { SmsNumber = number }, Seed.Sam);

        Assert.Equal(Reason.SmsNumberTaken, taken.Reason);
    }

    [Fact]
    public async Task THANKS_from_the_requesters_phone_lands_on_the_volunteer_who_delivered_and_names_nobody()
    {
        var (hub, number) = await HubWithNumber();
        var from = Phone();
        var request = await Seed.Delivered(Grains, hub, from, "Vera Volunteer");
        var sid = "SM" + Guid.NewGuid().ToString("N");

        var (status, reply) = await app.Text(from, number, "Thanks! You made my mum's day", messageSid: sid);
        await app.Text(from, number, "Thanks! You made my mum's day", messageSid: sid); // Twilio retried: one note

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("We passed your note on", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Vera", reply, StringComparison.Ordinal);
        var thanks = (await Grains.GetGrain<IVolunteerGrain>(request.Assignment!.VolunteerId).GetView())!.Thanks;
        var note = Assert.Single(thanks);
        Assert.Equal("You made my mum's day", note.Text);
        Assert.Equal(MutualAid.Thanks.ThanksFrom.Requester, note.From);
        Assert.Null(note.FromName);
    }

    [Fact]
    public async Task GRACIAS_from_a_phone_with_nothing_delivered_thanks_nobody_and_says_so_in_Spanish()
    {
        var (hub, number) = await HubWithNumber();
        var from = Phone();
        var open = await Seed.Claimed(Grains, hub, from);

        var (_, reply) = await app.Text(from, number, "GRACIAS por todo");

        Assert.Contains("No encontramos ninguna solicitud entregada", reply, StringComparison.Ordinal);
        Assert.Empty((await Grains.GetGrain<IVolunteerGrain>(open.Assignment!.VolunteerId).GetView())!.Thanks);
    }
}
