namespace SlaGrains.Contracts.Webhooks;

/// <summary>What a request to send a delivery again came to. Serialized by value: new outcomes take new numbers.</summary>
[GenerateSerializer, Alias("sla.redelivery-outcome")]
public enum RedeliveryOutcome
{
    /// <summary>Queued again, from attempt 1.</summary>
    Queued = 0,

    /// <summary>There is no such webhook.</summary>
    NoWebhook = 1,

    /// <summary>The webhook holds no delivery by that id that gave up (among the latest it keeps).</summary>
    NoDelivery = 2,

    /// <summary>The delivery did not give up: it was delivered, or it is still pending.</summary>
    NotGivenUp = 3,
}
