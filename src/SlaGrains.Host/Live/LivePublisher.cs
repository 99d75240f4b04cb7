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
    // Kept: resolving a grain interface type reflects over its attributes on every GetGrain, and every event publishes.
    private ILiveNotifierGrain? _notifier;

    private ILiveNotifierGrain Notifier => _notifier ??= grains.GetGrain<ILiveNotifierGrain>(0);

    public async Task Notify(FiredNotice fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        if (fired.ToWebhooks)
        {
            await webhooks.Notify(fired.Notice);
        }
        await Notifier.Noticed(fired.Notice);
    }

    public Task CaseChanged(CaseSnapshot snapshot, long version) =>
        Notifier.CaseChanged(new CaseChange(snapshot, version));
}
