namespace SlaGrains.Host.Live;

/// <summary>The live hub's limits (<c>Sla:Hub</c>): subscriptions per connection, and calls per key.</summary>
public sealed class LiveHubOptions
{
    public const string Section = "Sla:Hub";

    /// <summary>Cases and queues one connection may watch at once (the dashboard watches one queue and one case).</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 1000;

    /// <summary>
    /// Hub calls per second per key, over all its connections; each subscription reads grains. Agents often share one
    /// key, so the burst lets a few thousand dashboards resubscribe at once after a restart.
    /// </summary>
    public int CallsPerSecond { get; set; } = 200;

    public int CallBurst { get; set; } = 2000;

    /// <summary>
    /// How often open connections made with a personal key are checked against the key's user: a revoked or expired
    /// key, or a deactivated user, loses its connections within this time.
    /// </summary>
    public TimeSpan KeyRecheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
