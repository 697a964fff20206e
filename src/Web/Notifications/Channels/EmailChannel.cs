using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MutualAid.Common;
using MutualAid.Notifications;

namespace MutualAid.Web.Notifications.Channels;

/// <summary>
/// Email to any SMTP server through MailKit: one connection per send, which is plenty for a hub's
/// volume and leaves no idle connection for the server to drop between bursts.
/// </summary>
public sealed class EmailChannel(IOptions<EmailOptions> options, ILogger<EmailChannel> log) : IMessageChannel
{
    private readonly EmailOptions settings = options.Value;

    public Channel Channel => Channel.Email;

    public bool IsConfigured => settings.IsConfigured;

    public async Task<SendOutcome> Send(OutgoingText message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsConfigured) return SendOutcome.GiveUp("email is not configured");
        if (!MailboxAddress.TryParse(message.To, out var to)) return SendOutcome.GiveUp(Reason.NotAnEmail.Say());

        using var mail = Compose(message, to);
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Security(settings.Security), cancellationToken);
            if (!string.IsNullOrWhiteSpace(settings.User)) await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            var answer = await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return SendOutcome.Delivered(QueueId(answer) ?? mail.MessageId);
        }
        catch (SmtpCommandException refused) when (refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted
                                                   && (int)refused.StatusCode >= 500)
        {
            // 5xx on the address is the server's final word; a 4xx (mailbox busy, greylisting) is worth another go.
            return SendOutcome.GiveUp($"the server refused the address ({(int)refused.StatusCode})");
        }
        catch (AuthenticationException)
        {
            log.LogWarning("The SMTP server refused the configured credentials");
            return SendOutcome.Retry("the SMTP server refused the credentials");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                                  or IOException or SocketException or TimeoutException or SslHandshakeException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SendOutcome.Retry($"SMTP: {e.GetType().Name}");
        }
    }

    private MimeMessage Compose(OutgoingText message, MailboxAddress to)
    {
        var mail = new MimeMessage
        {
            // The outbox key: a retry after a lost answer carries the same id, so the receiver can drop the copy.
            MessageId = $"{message.Key}@mutualaid",
            Subject = message.Subject ?? "",
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body },
        };
        mail.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress!));
        mail.To.Add(to);
        mail.Headers.Add(HeaderId.ContentLanguage, message.Language);
        return mail;
    }

    /// <summary>Most servers answer "250 2.0.0 Ok: queued as ABC123"; that id finds the message in their logs.</summary>
    private static string? QueueId(string? answer)
    {
        const string marker = "queued as ";
        var at = answer?.IndexOf(marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        return at < 0 ? null : answer![(at + marker.Length)..].Trim();
    }

    private static SecureSocketOptions Security(EmailSecurity security) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.StartTls => SecureSocketOptions.StartTls,
        EmailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
