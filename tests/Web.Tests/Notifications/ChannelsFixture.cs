using MutualAid.Web.Notifications.Channels;

namespace MutualAid.Web.Tests.Notifications;

/// <summary>The app with both providers configured: a real SMTP server and the Twilio stand-in, all on loopback.</summary>
public sealed class ChannelsFixture : IAsyncLifetime
{
    public SmtpTestServer Smtp { get; private set; } = null!;
    public TwilioStandIn Twilio { get; private set; } = null!;
    public WebAppFactory Factory { get; private set; } = null!;

    public EmailChannel Email => Factory.Services.GetRequiredService<EmailChannel>();

    public SmsChannel Sms => Factory.Services.GetRequiredService<SmsChannel>();

    /// <summary>The public URL Twilio is told to post to; signatures are computed over it, whatever URL the app sees.</summary>
    public const string WebhookUrl = "https://aid.example.org/sms/inbound";

    /// <summary>
    /// A text as Twilio would post it to the app, signed with the account's token over <see cref="WebhookUrl"/>
    /// (or with <paramref name="signature"/>, or unsigned); the reply is the TwiML message's text.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Reply)> Text(string from, string to, string body, string? signature = null, bool withoutSignature = false, string? acceptLanguage = null)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = TwilioStandIn.AccountSid,
            ["From"] = from,
            ["To"] = to,
            ["Body"] = body,
            ["NumMedia"] = "0",
        };
        using var client = Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/sms/inbound", UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        if (!withoutSignature) request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(TwilioStandIn.AuthToken, WebhookUrl, form));
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, text);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return (response.StatusCode, XDocument.Parse(text).Root!.Element("Message")!.Value);
    }

    public async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.Start();
        Twilio = await TwilioStandIn.Start();
        var settings = Smtp.Settings().Concat(Twilio.Settings(new Uri(WebhookUrl)))
            .ToDictionary(s => s.Key, s => s.Value!);
        Factory = new WebAppFactory(settings);
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Twilio.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
