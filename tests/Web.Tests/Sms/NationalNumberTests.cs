using MutualAid.Notifications;
using MutualAid.Sms;
using MutualAid.Web.Notifications;
using MutualAid.Web.Notifications.Channels;
using MutualAid.Web.Tests.Notifications;

namespace MutualAid.Web.Tests.Sms;

/// <summary>
/// Numbers typed the way people say them at home ("611 222 333") reach Twilio in E.164, read by the
/// hub's country; before, they went as typed and Twilio refused them, so those people never got a text.
/// Without a country they are not texted, and the outbox says why.
/// </summary>
public sealed class NationalNumberTests(ChannelsFixture app) : IClassFixture<ChannelsFixture>
{
    private IGrainFactory Grains => app.Factory.Grains;

    /// <summary>A Spanish mobile as typed in Spain, "6xx xxx xxx", and as Twilio dials it.</summary>
    private static (string Typed, string Dialled) SpanishMobile()
    {
        var digits = "6" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        return ($"{digits[..3]} {digits[3..6]} {digits[6..]}", "+34" + digits);
    }

    private async Task<string> HubIn(string? country)
    {
        var hub = await Seed.DaytimeHub(Grains);
        var grain = Grains.GetGrain<IHubGrain>(hub);
        var set = await grain.Configure((await grain.GetSettings())! with { Country = country }, Seed.Sam);
        Assert.True(set.IsOk, set.Message);
        return hub;
    }

    private static OutgoingText Text(string to, string? country) =>
        new OutgoingText("k" + Guid.NewGuid().ToString("N"), to, null, "Your request is received.", "en") { Country = country };

    [Fact]
    public async Task A_requester_typed_the_Spanish_way_is_texted_in_E164_by_a_Spanish_hub()
    {
        var hub = await HubIn("ES");
        var (typed, dialled) = SpanishMobile();

        var request = await Seed.Request(Grains, hub, typed);

        await Wait.Until(() => app.Twilio.Received.Any(m => m.To == dialled), "the requester's text to reach Twilio as +34…");
        Assert.Equal(typed, (await Grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Contact.Phone); // kept as typed
    }

    [Fact]
    public async Task Without_a_country_a_national_number_is_not_texted_and_the_outbox_says_why_in_Spanish()
    {
        var hub = await HubIn(null);
        var (typed, dialled) = SpanishMobile();
        var requestsBefore = app.Twilio.Received.Count(m => m.To.EndsWith(dialled[3..], StringComparison.Ordinal));

        await Seed.Request(Grains, hub, typed, email: null); // with an email they gave, that would be used instead

        var outbox = Grains.GetGrain<IOutboxGrain>(hub);
        await Wait.Until(async () => (await outbox.Recent(10)).Any(e => e.Status == MessageStatus.Failed), "the text to be given up");
        var failed = (await outbox.Recent(10)).Single(e => e.Status == MessageStatus.Failed);
        Assert.Equal(Reason.PhoneNeedsCountry.Say().Key, failed.Error?.Key);
        Assert.Equal(requestsBefore, app.Twilio.Received.Count(m => m.To.EndsWith(dialled[3..], StringComparison.Ordinal)));

        await Localization.Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
            var page = context.Render<OutboxPage>(p => p.Add(x => x.Slug, hub));
            page.WaitForAssertion(() => Assert.Contains("Este número no tiene prefijo de país (+…)", page.Find("[data-testid=outbox-grid]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        });
    }

    [Fact]
    public async Task A_UK_mobile_typed_the_UK_way_is_said_to_need_its_country_code_in_a_Spanish_hub()
    {
        var refused = await app.Sms.Send(Text("07700 900123", "ES"), CancellationToken.None);

        Assert.True(refused.Permanent);
        Assert.Equal(Reason.PhoneNotOfHubCountry.Say().Key, refused.Said?.Key);
        Assert.Equal("ES", Assert.Single(refused.Said!.Args));
    }

    [Fact]
    public async Task A_requester_whose_number_the_hub_cannot_dial_hears_by_the_email_they_gave()
    {
        var hub = await HubIn("ES");
        var email = $"r{Guid.NewGuid():N}@example.org";

        var request = await Seed.Request(Grains, hub, "07700 900123", email: email);

        await Wait.Until(() => app.Smtp.Received.Any(m => m.To.Mailboxes.Any(b => b.Address == email)), "the requester's email");
        var outbox = Grains.GetGrain<IOutboxGrain>(hub);
        await Wait.Until(async () => (await outbox.ForRecipient(Recipient.Requester(request.Id), 10)).Any(e => e.Status == MessageStatus.Sent), "the report");
        var sent = (await outbox.ForRecipient(Recipient.Requester(request.Id), 10)).First(e => e.Status == MessageStatus.Sent);
        Assert.Equal([Channel.Email], sent.Channels);
        Assert.Null(sent.Error); // no text was tried
    }

    [Fact]
    public async Task STOP_texted_from_a_Spanish_phone_stops_texts_to_it_typed_the_Spanish_way_and_START_brings_them_back_in_E164()
    {
        var (typed, dialled) = SpanishMobile();

        var (_, stopped) = await app.Text(dialled, TwilioStandIn.FromNumber, "STOP");
        var refused = await app.Sms.Send(Text(typed, "ES"), CancellationToken.None);
        await app.Text(dialled, TwilioStandIn.FromNumber, "START");
        var sent = await app.Sms.Send(Text(typed, "ES"), CancellationToken.None);

        Assert.Equal("You will get no more texts from us. Text START to get them again.", stopped);
        Assert.Equal(Reason.PhoneTextedStop.Say().Key, refused.Said?.Key);
        Assert.True(sent.Sent, sent.Error);
        Assert.Single(app.Twilio.Received, m => m.To == dialled);
    }

    [Fact]
    public async Task STOP_texted_from_a_Norwegian_phone_stops_texts_to_its_eight_digits()
    {
        // Eight-digit numbers: the last nine digits of +47… take in the country code, so typed and
        // texted numbers made two keys until both were read as E.164.
        var digits = "9" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var typed = $"{digits[..3]} {digits[3..5]} {digits[5..]}";

        await app.Text("+47" + digits, TwilioStandIn.FromNumber, "STOP");
        var refused = await app.Sms.Send(Text(typed, "NO"), CancellationToken.None);

        Assert.False(refused.Sent);
        Assert.Equal(Reason.PhoneTextedStop.Say().Key, refused.Said?.Key);
        Assert.DoesNotContain(app.Twilio.Received, m => m.To.EndsWith(digits, StringComparison.Ordinal));
    }
}
