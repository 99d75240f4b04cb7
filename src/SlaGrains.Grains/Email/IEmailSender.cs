using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Email;

/// <summary>Sends one email alert to resolved addresses (<see cref="SmtpEmailSender"/>; tests may record instead).</summary>
public interface IEmailSender
{
    /// <summary>Throws <see cref="EmailRefusedException"/> when the server refuses it for good, anything else when a retry may help.</summary>
    Task Send(EmailAlert alert, IReadOnlyList<string> recipients, CancellationToken cancellationToken);
}
