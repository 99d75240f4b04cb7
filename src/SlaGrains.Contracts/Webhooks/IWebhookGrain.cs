using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Webhooks;

/// <summary>One webhook, keyed by its id: its subscription, a durable outbox of deliveries, and the delivery log.</summary>
[Alias("sla.webhook")]
public interface IWebhookGrain : IGrainWithStringKey
{
    [Alias("put")]
    Task<WriteResult<WebhookRecord>> Put(WebhookDefinition definition);

    [Alias("read")]
    Task<WebhookRecord?> Read();

    /// <summary>Deletes the subscription with its pending deliveries and log; nothing else uses a webhook.</summary>
    [Alias("delete")]
    Task<DeleteResult> Delete();

    /// <summary>Stores the notice for delivery if the webhook subscribes to its type; a delivery id seen before is ignored.</summary>
    [Alias("enqueue")]
    Task Enqueue(SlaNotice notice);

    /// <summary>The most recent attempts, newest first.</summary>
    [Alias("deliveries")]
    Task<IReadOnlyList<WebhookAttempt>> Deliveries(int limit);
}
