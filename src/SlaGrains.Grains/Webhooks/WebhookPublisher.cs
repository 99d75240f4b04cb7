using Microsoft.Extensions.Options;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// A notice whose actions route it to webhooks is stored in every webhook's outbox (each filters by the types it
/// subscribes to) before the case is told it was handed over. Storing is all that is waited for, and only for
/// <see cref="WebhookOptions.HandOverTimeout"/>: past it the case keeps the notice in its own outbox and retries, so a
/// slow webhook grain (its storage, its silo) never holds an event's answer for long.
/// </summary>
public sealed class WebhookPublisher(IGrainFactory grains, IOptions<WebhookOptions> options)
{
    public async Task Notify(SlaNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await HandOver(notice).WaitAsync(options.Value.HandOverTimeout);
    }

    private async Task HandOver(SlaNotice notice)
    {
        var webhooks = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Webhooks).List();
        await Task.WhenAll(webhooks.Select(id => grains.GetGrain<IWebhookGrain>(id).Enqueue(notice)));
    }
}
