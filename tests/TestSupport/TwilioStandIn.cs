using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MutualAid.TestSupport;

/// <summary>One SMS the stand-in accepted.</summary>
public sealed record TwilioMessage(string Sid, string To, string? From, string? MessagingServiceSid, string Body, string? IdempotencyToken);

/// <summary>
/// A real HTTP server on loopback answering Twilio's Messages resource the way Twilio does: the
/// account in the path, HTTP Basic with that account's sid and token, the form fields it requires,
/// 201 with a Twilio-shaped JSON, Twilio's error JSON otherwise. Every accepted request is a message, even
/// with a token it saw before: Twilio documents no de-duplication of sends, so the stand-in hides no repeat.
/// A test can make it fail the next requests with 500 or treat a number as unsubscribed (21610).
/// </summary>
public sealed class TwilioStandIn : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "stand-in-auth-token";
    public const string FromNumber = "+15005550006";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<TwilioMessage> messages = new();
    private readonly ConcurrentDictionary<string, bool> unsubscribed = new();
    private int failNext;
    private int requests;

    private TwilioStandIn(int port)
    {
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.WebHost.UseUrls(BaseUrl.ToString().TrimEnd('/'));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", (string account, HttpContext http) => Answer(account, http));
    }

    public Uri BaseUrl { get; }

    /// <summary>Every message accepted, repeats included.</summary>
    public IReadOnlyList<TwilioMessage> Received => [.. messages];

    /// <summary>Every request that reached the Messages resource, refused or not.</summary>
    public int Requests => Volatile.Read(ref requests);

    public static async Task<TwilioStandIn> Start()
    {
        var standIn = new TwilioStandIn(Ports.Free());
        await standIn.app.StartAsync();
        return standIn;
    }

    /// <summary>Settings for <c>Notifications:Twilio</c> that send here, with the app's webhook at <paramref name="webhookUrl"/>.</summary>
    public IDictionary<string, string?> Settings(Uri? webhookUrl = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Twilio:AccountSid"] = AccountSid,
            ["Notifications:Twilio:AuthToken"] = AuthToken,
            ["Notifications:Twilio:From"] = FromNumber,
            ["Notifications:Twilio:BaseUrl"] = BaseUrl.ToString(),
        };
        if (webhookUrl is not null) settings["Notifications:Twilio:WebhookUrl"] = webhookUrl.ToString();
        return settings;
    }

    /// <summary>The next <paramref name="count"/> requests get a 500, as during a Twilio outage.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref failNext, count);

    /// <summary>Messages to this number are refused with error 21610, as after the person texted STOP to the carrier.</summary>
    public void Unsubscribe(string number) => unsubscribed[number] = true;

    public async Task<IReadOnlyList<TwilioMessage>> WaitFor(int count, double seconds = 10)
    {
        await Wait.Until(() => messages.Count >= count, () => $"{count} SMS at the Twilio stand-in; {messages.Count} arrived", seconds);
        return Received;
    }

    /// <summary>The first message that matches, once it has arrived.</summary>
    public async Task<TwilioMessage> WaitFor(Func<TwilioMessage, bool> match, double seconds = 30)
    {
        await Wait.Until(() => messages.Any(match), () => $"an SMS at the Twilio stand-in that matches; it has {messages.Count}: {string.Join(" | ", messages.Select(m => $"{m.To}: {m.Body}"))}", seconds);
        return messages.First(match);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> Answer(string account, HttpContext http)
    {
        Interlocked.Increment(ref requests);
        if (account != AccountSid || !Authorised(http.Request)) return Error(401, 20003, "Authenticate");
        if (TakeFailure()) return Error(500, 20500, "Internal Server Error");
        if (!http.Request.HasFormContentType) return Error(400, 21602, "Message body is required.");

        var form = await http.Request.ReadFormAsync();
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        var to = Field("To");
        var body = Field("Body");
        var from = Field("From");
        var service = Field("MessagingServiceSid");
        if (to is null) return Error(400, 21604, "A 'To' phone number is required.");
        if (body is null) return Error(400, 21602, "Message body is required.");
        if (from is null && service is null) return Error(400, 21603, "A 'From' phone number is required.");
        if (unsubscribed.ContainsKey(to)) return Error(400, 21610, "Attempt to send to unsubscribed recipient");

        var token = http.Request.Headers["I-Twilio-Idempotency-Token"].ToString();
        var sid = "SM" + Guid.NewGuid().ToString("N");
        var message = new TwilioMessage(sid, to, from, service, body, token.Length == 0 ? null : token);
        messages.Enqueue(message);
        return Created(message);
    }

    private bool TakeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref failNext);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref failNext, left - 1, left) == left) return true;
        }
    }

    private static bool Authorised(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return false;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])) == $"{AccountSid}:{AuthToken}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IResult Created(TwilioMessage m) => Results.Json(new Dictionary<string, object?>
    {
        ["sid"] = m.Sid,
        ["account_sid"] = AccountSid,
        ["to"] = m.To,
        ["from"] = m.From,
        ["messaging_service_sid"] = m.MessagingServiceSid,
        ["body"] = m.Body,
        ["status"] = "queued",
        ["num_segments"] = "1",
        ["direction"] = "outbound-api",
        ["api_version"] = "2010-04-01",
        ["date_created"] = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture),
        ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{m.Sid}.json",
    }, statusCode: 201);

    private static IResult Error(int status, int code, string message) => Results.Json(new Dictionary<string, object?>
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
        ["status"] = status,
    }, statusCode: status);
}
