namespace SlaGrains.Host.Webhooks;

/// <summary>Delivery tuning (<c>Sla:Webhooks</c>). Retries back off exponentially: base, 2×base, 4×base, ... up to the cap.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Sla:Webhooks";

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed attempts (about a day with the defaults) a delivery is given up and logged.</summary>
    public int MaxAttempts { get; set; } = 150;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan DelayAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
