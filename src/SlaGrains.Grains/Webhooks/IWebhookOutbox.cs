namespace SlaGrains.Grains.Webhooks;

/// <summary>The webhook grain's side door for its own sends, which run outside its turns and report back here.</summary>
[Alias("sla.webhook-outbox")]
public interface IWebhookOutbox : IGrainWithStringKey
{
    [Alias("completed")]
    Task Completed(DeliveryResult result);
}
