using Microsoft.Extensions.Options;

namespace MutualAid.Web.Notifications.Channels;

/// <summary>How the SMTP connection is secured, as MailKit's <c>SecureSocketOptions</c> names them.</summary>
public enum EmailSecurity
{
    /// <summary>TLS when the server offers STARTTLS, plain otherwise (what a local smtp4dev needs).</summary>
    Auto,
    None,
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}

/// <summary>
/// <c>Notifications:Email</c>. Empty Host means no email provider (the embedded default). The
/// password comes from the environment (<c>Notifications__Email__Password</c>) or user secrets, never the repo.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public EmailSecurity Security { get; set; } = EmailSecurity.Auto;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string? FromAddress { get; set; }
    public string FromName { get; set; } = "MutualAid";
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Refuses to start with half an email provider: a host without a sender, a user without a password.</summary>
public sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var s = EmailOptions.Section;
        if (!options.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(options.User) || !string.IsNullOrWhiteSpace(options.FromAddress))
            {
                problems.Add($"{s}:Host is empty but other email settings are set; set the SMTP host or remove them.");
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }

        if (options.Port is < 1 or > 65535) problems.Add($"{s}:Port must be between 1 and 65535.");
        if (string.IsNullOrWhiteSpace(options.FromAddress) || !MimeKit.MailboxAddress.TryParse(options.FromAddress, out _))
        {
            problems.Add($"{s}:FromAddress must be the address emails come from (such as hub@example.org).");
        }

        if (string.IsNullOrWhiteSpace(options.User) != string.IsNullOrWhiteSpace(options.Password))
        {
            problems.Add($"{s}:User and {s}:Password go together (set the password in the environment as Notifications__Email__Password).");
        }

        if (options.TimeoutSeconds < 1) problems.Add($"{s}:TimeoutSeconds must be 1 or more.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
