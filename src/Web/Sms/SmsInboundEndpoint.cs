using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using MutualAid.Web.Hosting;
using MutualAid.Web.Intake;
using MutualAid.Web.Notifications.Channels;
using Twilio.Security;
using Twilio.TwiML;

namespace MutualAid.Web.Sms;

/// <summary>
/// <c>POST /sms/inbound</c>: Twilio's webhook for texts to a hub's number. Twilio signs each
/// request with the account's auth token; that signature, not a cookie, proves it came from
/// Twilio, so there is no antiforgery token here. Anything unsigned or badly signed is a bare 403.
/// </summary>
public static class SmsInboundEndpoint
{
    public const string Path = "/sms/inbound";
    public const string SignatureHeader = "X-Twilio-Signature";

    public static void MapSmsInbound(this WebApplication app) =>
        app.MapPost(Path, Receive).RequireRateLimiting(RateLimits.SmsInbound).DisableAntiforgery();

    public static async Task<IResult> Receive(HttpContext http, IOptions<TwilioOptions> options, SmsInbox inbox)
    {
        var settings = options.Value;
        if (!settings.IsConfigured) return Results.NotFound();
        if (http.Request.ContentLength > PublicIntakeEndpoints.MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap) cap.MaxRequestBodySize = PublicIntakeEndpoints.MaxBodyBytes;
        if (!http.Request.HasFormContentType) return Results.StatusCode(StatusCodes.Status403Forbidden);

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var signature = http.Request.Headers[SignatureHeader].ToString();
        // The URL Twilio was given, not the one a proxy rewrote it to; without WebhookUrl, what the app saw.
        var url = settings.WebhookUrl?.ToString() ?? http.Request.GetEncodedUrl();
        if (signature.Length == 0 || !new RequestValidator(settings.AuthToken).Validate(url, fields, signature))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var reply = await inbox.Receive(fields.GetValueOrDefault("From") ?? "", fields.GetValueOrDefault("To") ?? "", fields.GetValueOrDefault("Body") ?? "");
        return Results.Content(new MessagingResponse().Message(reply).ToString(), "text/xml", System.Text.Encoding.UTF8);
    }
}
