namespace SlaGrains.Grains.Webhooks;

/// <summary>Delivery tuning (<c>Sla:Webhooks</c>). Retries back off exponentially: base, 2×base, 4×base, ... up to the cap.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Sla:Webhooks";

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed attempts (about a day with the defaults) a delivery is given up and logged.</summary>
    public int MaxAttempts { get; set; } = 150;

    /// <summary>One attempt, from connecting to the receiver's status line.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sends in flight at once per webhook; the rest of its outbox waits, other webhooks never do.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Deliveries a webhook keeps waiting; a notice beyond it is logged as given up instead of stored.</summary>
    public int MaxPending { get; set; } = 1000;

    /// <summary>How long a case waits to hand a notice to the webhooks' outboxes before keeping it in its own and retrying.</summary>
    public TimeSpan HandOverTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Hosts (<c>name</c>, <c>address</c>, or either with <c>:port</c>) deliveries may go to although the outbound URL
    /// policy refuses them (loopback, private, link-local, ...). Empty by default.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    public TimeSpan DelayAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
