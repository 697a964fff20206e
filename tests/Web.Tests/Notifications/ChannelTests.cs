using MutualAid.Sms;
using MutualAid.Web.Notifications.Channels;

namespace MutualAid.Web.Tests.Notifications;

public sealed class ChannelTests(ChannelsFixture app) : IClassFixture<ChannelsFixture>
{
    private static OutgoingText Text(string to, string body = "Your request MA-TEST is received.") =>
        new("k" + Guid.NewGuid().ToString("N"), to, "MutualAid", body, "en");

    private static string Phone() => "+1555" + Random.Shared.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_email_reaches_the_SMTP_server_once_with_the_key_as_its_Message_Id()
    {
        var to = $"p{Guid.NewGuid():N}@example.org";
        var message = Text(to, "Un voluntario va en camino.") with { Subject = "Tu solicitud", Language = "es" };

        var outcome = await app.Email.Send(message, CancellationToken.None);

        Assert.True(outcome.Sent, outcome.Error);
        await app.Smtp.WaitFor(1);
        var received = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == to));
        Assert.Equal($"{message.Key}@mutualaid", received.MessageId);
        Assert.Equal("Tu solicitud", received.Subject);
        Assert.Equal("Un voluntario va en camino.", received.TextBody?.Trim());
        Assert.Equal("hub@mutualaid.test", received.From.Mailboxes.Single().Address);
        Assert.Null(received.HtmlBody);
    }

    [Fact]
    public async Task An_email_to_something_that_is_not_an_address_is_given_up()
    {
        var outcome = await app.Email.Send(Text("not an address"), CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.True(outcome.Permanent);
    }

    [Fact]
    public async Task An_SMS_to_a_number_typed_with_spaces_and_dashes_reaches_Twilio_as_one_plus_and_digits()
    {
        var to = Phone();
        var typed = $"{to[..2]} ({to[2..5]}) {to[5..8]}-{to[8..10]}.{to[10..]}";

        var outcome = await app.Sms.Send(Text(typed), CancellationToken.None);

        Assert.True(outcome.Sent, outcome.Error);
        Assert.Single(app.Twilio.Received, m => m.To == to);
    }

    [Fact]
    public async Task An_SMS_reaches_Twilio_with_its_auth_fields_and_idempotency_token()
    {
        var to = Phone();
        var message = Text(to);

        var outcome = await app.Sms.Send(message, CancellationToken.None);

        Assert.True(outcome.Sent, outcome.Error);
        var received = Assert.Single(app.Twilio.Received, m => m.To == to);
        Assert.Equal(received.Sid, outcome.ProviderId);
        Assert.StartsWith("SM", received.Sid, StringComparison.Ordinal);
        Assert.Equal(TwilioStandIn.FromNumber, received.From);
        Assert.Equal(message.Body, received.Body);
        Assert.Equal(message.Key, received.IdempotencyToken);
    }

    [Fact]
    public async Task Every_try_of_one_message_carries_its_key_as_the_idempotency_token()
    {
        var to = Phone();
        var message = Text(to);

        var first = await app.Sms.Send(message, CancellationToken.None);
        var again = await app.Sms.Send(message, CancellationToken.None);

        // Twilio does not promise to drop a repeat, so the stand-in keeps both: exactly-once is the outbox's job.
        Assert.True(first.Sent && again.Sent);
        var tries = app.Twilio.Received.Where(m => m.To == to).ToList();
        Assert.Equal(2, tries.Count);
        Assert.All(tries, m => Assert.Equal(message.Key, m.IdempotencyToken));
    }

    [Fact]
    public async Task A_Twilio_outage_is_retried_and_the_retry_goes_through()
    {
        var to = Phone();
        var message = Text(to);
        app.Twilio.FailNext(1);

        var failed = await app.Sms.Send(message, CancellationToken.None);
        var retried = await app.Sms.Send(message, CancellationToken.None);

        Assert.False(failed.Sent);
        Assert.False(failed.Permanent);
        Assert.True(retried.Sent, retried.Error);
        Assert.Single(app.Twilio.Received, m => m.To == to);
    }

    [Fact]
    public async Task An_unsubscribed_number_is_given_up()
    {
        var to = Phone();
        app.Twilio.Unsubscribe(to);

        var outcome = await app.Sms.Send(Text(to), CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.True(outcome.Permanent);
        Assert.Contains("21610", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Twilio.Received, m => m.To == to);
    }

    [Fact]
    public async Task A_phone_that_said_STOP_gets_nothing_until_it_says_START()
    {
        var to = Phone();
        var optOut = app.Factory.Grains.GetGrain<ISmsOptOutGrain>(ISmsOptOutGrain.Key(to)!);
        await optOut.OptOut();
        var requestsBefore = app.Twilio.Requests;

        var stopped = await app.Sms.Send(Text(to), CancellationToken.None);

        Assert.False(stopped.Sent);
        Assert.True(stopped.Permanent);
        Assert.Equal(Reason.PhoneTextedStop.Say().Key, stopped.Said?.Key);
        Assert.Equal(requestsBefore, app.Twilio.Requests);

        await optOut.OptIn();
        var started = await app.Sms.Send(Text(to), CancellationToken.None);

        Assert.True(started.Sent, started.Error);
        Assert.Single(app.Twilio.Received, m => m.To == to);
    }

    [Fact]
    public void Both_channels_are_registered_and_configured()
    {
        var channels = app.Factory.Services.GetServices<IMessageChannel>().ToList();

        Assert.Equal([MutualAid.Notifications.Channel.Sms, MutualAid.Notifications.Channel.Email], channels.Select(c => c.Channel).Order());
        Assert.All(channels, c => Assert.True(c.IsConfigured));
    }

    [Theory]
    [InlineData("AC1", null, "+15005550006", "AuthToken")]
    [InlineData("AC1", "token", null, "From")]
    [InlineData(null, "token", null, "AccountSid is empty")]
    public void A_half_configured_Twilio_is_refused_with_the_setting_to_fix(string? sid, string? token, string? from, string named)
    {
        var result = new TwilioOptionsValidation().Validate(null, new TwilioOptions { AccountSid = sid, AuthToken = token, From = from });

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_half_configured_email_is_refused_and_none_at_all_is_fine()
    {
        Assert.True(new EmailOptionsValidation().Validate(null, new EmailOptions { Host = "smtp.example.org" }).Failed);
        Assert.True(new EmailOptionsValidation().Validate(null, new EmailOptions { Host = "smtp.example.org", FromAddress = "a@example.org", User = "u" }).Failed);
        Assert.True(new EmailOptionsValidation().Validate(null, new EmailOptions()).Succeeded);
        Assert.True(new TwilioOptionsValidation().Validate(null, new TwilioOptions()).Succeeded);
    }

    [Fact]
    public async Task A_host_refuses_to_start_with_a_Twilio_sid_but_no_token()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:Twilio:AccountSid"] = "AC1", ["Notifications:Twilio:From"] = "+15005550006" });
        builder.Services.AddSingleton(app.Factory.Grains);
        builder.Services.AddMutualAidChannels(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Notifications__Twilio__AuthToken", error.Message, StringComparison.Ordinal);
    }
}
