using Microsoft.Extensions.Options;

namespace MutualAid.Web.Notifications.Channels;

/// <summary>
/// <c>Notifications:Twilio</c>. Empty AccountSid means no SMS provider (the embedded default). The auth
/// token comes from the environment (<c>Notifications__Twilio__AuthToken</c>) or user secrets, never the repo.
/// </summary>
public sealed class TwilioOptions
{
    public const string Section = "Notifications:Twilio";

    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }

    /// <summary>The number messages come from, when no messaging service picks one.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>The public URL Twilio posts inbound texts to; signatures are computed over it. Behind a proxy the URL the app sees differs.</summary>
    public Uri? WebhookUrl { get; set; }

    public int TimeoutSeconds { get; set; } = 20;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid);
}

/// <summary>Refuses to start with half an SMS provider: a sid without a token, no sender, a relative URL.</summary>
public sealed class TwilioOptionsValidation : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = TwilioOptions.Section;
        var problems = new List<string>();
        if (!options.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(options.AuthToken) || !string.IsNullOrWhiteSpace(options.From) || options.WebhookUrl is not null)
            {
                problems.Add($"{s}:AccountSid is empty but other Twilio settings are set; set the account sid or remove them.");
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            problems.Add($"{s}:AccountSid is set but {s}:AuthToken is not (set it in the environment as Notifications__Twilio__AuthToken).");
        }

        if (string.IsNullOrWhiteSpace(options.From) && string.IsNullOrWhiteSpace(options.MessagingServiceSid))
        {
            problems.Add($"{s}:From (the sending number) or {s}:MessagingServiceSid must be set.");
        }

        if (!options.BaseUrl.IsAbsoluteUri) problems.Add($"{s}:BaseUrl must be an absolute URL such as https://api.twilio.com.");
        if (options.WebhookUrl is { IsAbsoluteUri: false }) problems.Add($"{s}:WebhookUrl must be the absolute public URL of /sms/inbound.");
        if (options.TimeoutSeconds < 1) problems.Add($"{s}:TimeoutSeconds must be 1 or more.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
