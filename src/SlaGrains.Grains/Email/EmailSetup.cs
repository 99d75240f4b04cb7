using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlaGrains.Grains.Email;

/// <summary>Email alerts' services: validated options (a host binds <see cref="EmailOptions.Section"/> onto them), the sender and the owner lookup.</summary>
public static class EmailSetup
{
    public static IServiceCollection AddSlaEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .Validate(o => o.MaxAttempts > 0 && o.Port is > 0 and <= 65535, $"{EmailOptions.Section}: MaxAttempts must be positive and Port a TCP port.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.HandOverTimeout > TimeSpan.Zero && o.RetryBaseDelay > TimeSpan.Zero,
                $"{EmailOptions.Section}: Timeout, HandOverTimeout and RetryBaseDelay must be positive.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), $"{EmailOptions.Section}: From must be an address, optionally with a display name.")
            .ValidateOnStart();
        services.TryAddSingleton<EmailPublisher>();
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        services.TryAddSingleton<IOwnerEmails, ConfiguredOwnerEmails>();
        return services;
    }
}
