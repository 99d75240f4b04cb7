using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Email;

/// <summary>
/// Sends over SMTP with MailKit, one connection per email: alerts are rare next to events, and a fresh connection
/// never carries a broken session into the next send. The Message-ID is derived from the alert's stable id and the
/// id itself is sent as <c>X-SlaGrains-Alert-Id</c>, so a resend after a failover can be recognised downstream.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public const string AlertIdHeader = "X-SlaGrains-Alert-Id";

    public async Task Send(EmailAlert alert, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(recipients);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new EmailRefusedException($"No SMTP server is configured ({EmailOptions.Section}:Host).");
        }
        using var message = Message(alert, recipients, settings);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, timeout.Token);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", timeout.Token);
            }
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new EmailRefusedException($"The SMTP server refused the email: {(int)ex.StatusCode} {ex.Message}", ex);
        }
    }

    private static MimeMessage Message(EmailAlert alert, IReadOnlyList<string> to, EmailOptions settings)
    {
        var message = new MimeMessage
        {
            Subject = alert.Subject,
            Body = new TextPart("plain") { Text = alert.Body },
            MessageId = $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(alert.Id)))}@slagrains",
        };
        message.From.Add(MailboxAddress.Parse(settings.From));
        foreach (var address in to.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            message.To.Add(MailboxAddress.Parse(address));
        }
        message.Headers.Add(AlertIdHeader, alert.Id);
        return message;
    }
}
