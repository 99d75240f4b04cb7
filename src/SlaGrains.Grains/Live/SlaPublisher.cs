using SlaGrains.Contracts.Live;
using SlaGrains.Domain.Cases;
using SlaGrains.Grains.Email;
using SlaGrains.Grains.Webhooks;

namespace SlaGrains.Grains.Live;

/// <summary>
/// Hands what a case says to the grains that take it further: a notice goes durably to the webhooks' outboxes and its
/// emails to the email outbox first (that is what the case waits for), then, with every case change, to the live notifier, which batches them out to
/// every process's hub relay.
/// </summary>
public sealed class SlaPublisher(WebhookPublisher webhooks, EmailPublisher emails, IGrainFactory grains) : ISlaPublisher
{
    // Kept: GetGrain works out the interface's grain type from its attributes on every call, and every event publishes.
    private ILiveNotifierGrain? _notifier;

    private ILiveNotifierGrain Notifier => _notifier ??= grains.GetGrain<ILiveNotifierGrain>(0);

    public async Task Notify(FiredNotice fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        if (fired.ToWebhooks)
        {
            await webhooks.Notify(fired.Notice);
        }
        if (fired.Emails is { Count: > 0 } alerts)
        {
            await emails.Enqueue(alerts);
        }
        await Notifier.Noticed(fired.Notice);
    }

    public Task CaseChanged(CaseSnapshot snapshot, long version, IReadOnlyList<string> left) =>
        Notifier.CaseChanged(new CaseChange(snapshot, version) { Left = left });
}
