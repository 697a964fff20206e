namespace MutualAid.EndToEnd;

/// <summary>
/// An empty network (Production, SQLite) whose texts go to a Twilio stand-in on loopback, for journeys
/// that start with a text message. Quiet hours are put six hours ahead of now (hubs start on UTC), so
/// the run's hour never holds a message back.
/// </summary>
public sealed class TextingNetworkApp : IAsyncLifetime
{
    public TwilioStandIn Twilio { get; private set; } = null!;

    public EmptyNetworkApp Network { get; } = new();

    public async Task InitializeAsync()
    {
        Twilio = await TwilioStandIn.Start();
        var hour = DateTime.UtcNow.Hour;
        var settings = new Dictionary<string, string?>(Twilio.Settings())
        {
            ["Notifications:SendInterval"] = "00:00:01",
            ["Notifications:QuietHours:From"] = $"{(hour + 6) % 24:00}:00",
            ["Notifications:QuietHours:To"] = $"{(hour + 7) % 24:00}:00",
        };
        await Network.Start(settings);
    }

    /// <summary>A text to the app's webhook, signed as Twilio signs it; answers the TwiML reply's words.</summary>
    public async Task<string> Text(string from, string to, string body)
    {
        var url = new Uri(Network.App.BaseAddress, "/sms/inbound");
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = TwilioStandIn.AccountSid,
            ["From"] = from,
            ["To"] = to,
            ["Body"] = body,
        };
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(TwilioStandIn.AuthToken, url.ToString(), form));
        using var response = await http.SendAsync(request);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {xml}");
        return System.Xml.Linq.XDocument.Parse(xml).Descendants("Message").Single().Value;
    }

    public async Task DisposeAsync()
    {
        await Network.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}
