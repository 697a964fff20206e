using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MutualAid.Common;
using MutualAid.Notifications;
using MutualAid.Sms;

namespace MutualAid.Web.Notifications.Channels;

/// <summary>
/// SMS through Twilio's REST API (Messages resource), with a plain typed HttpClient so tests can point
/// it at a stand-in on loopback. A phone that said STOP gets nothing, whatever the caller decided. Numbers
/// go out in E.164, read by the hub's country when typed without a "+" (<see cref="Dialling"/>).
/// </summary>
public sealed class SmsChannel(HttpClient http, IOptions<TwilioOptions> options, IGrainFactory grains) : IMessageChannel
{
    /// <summary>Twilio's codes for a number that will never take the message: unsubscribed (STOP at the carrier), not a valid number.</summary>
    private static readonly HashSet<int> Final = [21610, 21211, 21614, 21612];

    private readonly TwilioOptions settings = options.Value;

    public Channel Channel => Channel.Sms;

    public bool IsConfigured => settings.IsConfigured;

    public async Task<SendOutcome> Send(OutgoingText message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsConfigured) return SendOutcome.GiveUp("SMS is not configured");
        if (Dialling.E164(message.To, message.Country) is not { } number)
        {
            // A national number is not guessed at: read by the wrong country it would text a stranger.
            return SendOutcome.GiveUp(WhyNot(message.To, message.Country));
        }

        // Keyed from E.164, as STOP from the phone (its From) was: "611 222 333" and "+34611222333" are then one phone.
        if (ISmsOptOutGrain.Key(number) is not { } phone) return SendOutcome.GiveUp(Reason.NotAPhoneNumber.Say());
        if (await grains.GetGrain<ISmsOptOutGrain>(phone).IsStopped()) return SendOutcome.GiveUp(Reason.PhoneTextedStop.Say());

        using var request = Compose(message, number);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return Outcome(response.StatusCode, body);
        }
        catch (HttpRequestException e)
        {
            return SendOutcome.Retry($"Twilio unreachable ({e.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Retry("Twilio timed out");
        }
    }

    /// <summary>Why a number cannot be dialled, said so the person who reads the outbox knows what to ask for.</summary>
    private static Phrase WhyNot(string typed, string? country) =>
        Dialling.IsInternational(typed) ? Reason.NotAPhoneNumber.Say()
        : !Dialling.IsCountry(country) ? Reason.PhoneNeedsCountry.Say()
        : Dialling.IsOfAnotherCountry(typed, country) ? Reason.PhoneNotOfHubCountry.Say(country)
        : Reason.NotAPhoneNumber.Say();

    private HttpRequestMessage Compose(OutgoingText message, string number)
    {
        var fields = new List<KeyValuePair<string, string>> { new("To", number), new("Body", message.Body) };
        fields.Add(string.IsNullOrWhiteSpace(settings.MessagingServiceSid)
            ? new("From", settings.From!)
            : new("MessagingServiceSid", settings.MessagingServiceSid));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid!)}/Messages.json"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        // Twilio drops a second request with the same token, so a retry after a lost answer sends nothing twice.
        request.Headers.Add("I-Twilio-Idempotency-Token", message.Key);
        return request;
    }

    private static SendOutcome Outcome(HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (code is 200 or 201) return SendOutcome.Delivered(Field(body, "sid"));
        if (status == HttpStatusCode.TooManyRequests || code >= 500) return SendOutcome.Retry($"Twilio answered {code}");
        var error = Field(body, "code");
        // 21610: the person texted STOP to the carrier, which our own list may not have heard.
        if (int.TryParse(error, out var twilioCode) && Final.Contains(twilioCode))
        {
            return twilioCode == 21610 ? SendOutcome.GiveUp(Reason.PhoneTextedStop.Say()) with { Error = $"Twilio error {twilioCode}" } : SendOutcome.GiveUp($"Twilio error {twilioCode}");
        }

        // Other 4xx are our mistake (credentials, a sender not on the account): fixable by an operator, so retried.
        return SendOutcome.Retry(error is null ? $"Twilio answered {code}" : $"Twilio answered {code} (error {error})");
    }

    private static string? Field(string body, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty(name, out var value)) return null;
            return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
