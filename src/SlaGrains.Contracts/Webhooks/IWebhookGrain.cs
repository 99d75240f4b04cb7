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

    /// <summary>
    /// Pauses (true) or resumes (false) sending: while paused, notices are still stored, and sent on resume. Null: no
    /// such webhook.
    /// </summary>
    [Alias("set-paused")]
    Task<WebhookRecord?> SetPaused(bool paused);

    /// <summary>Queues a delivery that gave up again, from attempt 1.</summary>
    [Alias("redeliver")]
    Task<RedeliveryOutcome> Redeliver(string deliveryId);

    /// <summary>
    /// Replaces the secret; for <paramref name="overlapSeconds"/> the old one signs deliveries beside it, so receivers
    /// can switch without losing any. Null value and no errors: no such webhook.
    /// </summary>
    [Alias("rotate-secret")]
    Task<WriteResult<WebhookRecord>> RotateSecret(string? secret, long overlapSeconds);

    /// <summary>Stores the notice for delivery if the webhook subscribes to its type and its filters let it through; a delivery id seen before is ignored.</summary>
    [Alias("enqueue")]
    Task Enqueue(SlaNotice notice);

    /// <summary>The most recent attempts, newest first.</summary>
    [Alias("deliveries")]
    Task<IReadOnlyList<WebhookAttempt>> Deliveries(int limit);
}
