using MailKit.Security;

namespace SlaGrains.Grains.Email;

/// <summary>
/// The SMTP server email actions send through, and delivery tuning (<c>Sla:Email</c>, docs/operations.md). Without a
/// <see cref="Host"/> no email is sent: each is logged as given up, so a process may name email actions before the
/// server is configured.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Sla:Email";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>TLS: <c>Auto</c> (STARTTLS when offered on 587/25, TLS on connect on 465), <c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>When set, the sender authenticates with it and <see cref="Password"/>.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, optionally with a display name: <c>SlaGrains &lt;sla@example.com&gt;</c>.</summary>
    public string From { get; set; } = "SlaGrains <sla@localhost>";

    /// <summary>One attempt: connecting, sending and disconnecting.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed attempts (about a day with the defaults) an email is given up and logged.</summary>
    public int MaxAttempts { get; set; } = 150;

    /// <summary>How long a case waits to hand its emails to the outbox before keeping them in its own and retrying.</summary>
    public TimeSpan HandOverTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Owner (user id) → email address, for <c>to: owner</c> until users carry their own; an owner id that is itself an
    /// address needs no entry.
    /// </summary>
    public IDictionary<string, string> OwnerAddresses { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public TimeSpan DelayAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
