namespace SlaGrains.Host.Live;

/// <summary>The live hub's limits (<c>Sla:Hub</c>): subscriptions per connection, and calls per key.</summary>
public sealed class LiveHubOptions
{
    public const string Section = "Sla:Hub";

    /// <summary>Cases and queues one connection may watch at once (the dashboard watches one queue and one case).</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 1000;

    /// <summary>Hub calls per second per key, over all its connections; each subscription reads grains.</summary>
    public int CallsPerSecond { get; set; } = 50;

    public int CallBurst { get; set; } = 500;
}
