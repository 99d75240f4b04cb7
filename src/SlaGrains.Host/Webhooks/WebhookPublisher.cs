using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Live;
using SlaGrains.Contracts.Webhooks;

namespace SlaGrains.Host.Webhooks;

/// <summary>
/// A notice whose milestone asked for a webhook is stored in every webhook's outbox (each filters by the types it
/// subscribes to) before the case is told it was handed over.
/// </summary>
public sealed class WebhookPublisher(IGrainFactory grains)
{
    public async Task Notify(SlaNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!notice.Webhook)
        {
            return;
        }
        var webhooks = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Webhooks).List();
        await Task.WhenAll(webhooks.Select(id => grains.GetGrain<IWebhookGrain>(id).Enqueue(notice)));
    }
}
