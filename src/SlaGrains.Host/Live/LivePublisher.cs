using SlaGrains.Contracts.Live;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Live;
using SlaGrains.Host.Webhooks;

namespace SlaGrains.Host.Live;

/// <summary>
/// The host's <see cref="ISlaPublisher"/>: notices go durably to webhooks first (that is what the case waits for), then
/// with every case change to the local notifier, which batches them out to every process's hub relay.
/// </summary>
public sealed class LivePublisher(WebhookPublisher webhooks, IGrainFactory grains) : ISlaPublisher
{
    public async Task Notify(SlaNotice notice)
    {
        await webhooks.Notify(notice);
        await grains.GetGrain<ILiveNotifierGrain>(0).Noticed(notice);
    }

    public Task CaseChanged(CaseSnapshot snapshot, long version) =>
        grains.GetGrain<ILiveNotifierGrain>(0).CaseChanged(new CaseChange(snapshot, version));
}
