using Microsoft.AspNetCore.SignalR;
using SlaGrains.Contracts.Live;

namespace SlaGrains.Host.Live;

/// <summary>
/// This process's relay: every change in the cluster arrives here, and goes to the SignalR groups of this process
/// that subscribed to its case or its queue. SignalR groups stay local, so no backplane is needed.
/// </summary>
public sealed class HubRelay(IHubContext<SlaHub> hub) : ILiveRelay
{
    public async Task CasesChanged(IReadOnlyList<CaseChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            var payload = LivePayloads.Case(change);
            await hub.Clients.Group(LivePayloads.CaseGroup(change.Snapshot.CaseId)).SendAsync(LivePayloads.CaseChanged, payload);
            if (change.Snapshot.Queue is { } queue)
            {
                await hub.Clients.Group(LivePayloads.QueueGroup(queue)).SendAsync(LivePayloads.CaseChanged, payload);
            }
        }
    }

    public async Task Noticed(IReadOnlyList<SlaNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        foreach (var notice in notices)
        {
            var payload = LivePayloads.Notice(notice);
            var groups = notice.Queue is { } queue
                ? [LivePayloads.CaseGroup(notice.CaseId), LivePayloads.QueueGroup(queue)]
                : new[] { LivePayloads.CaseGroup(notice.CaseId) };
            await hub.Clients.Groups(groups).SendAsync(LivePayloads.MethodFor(notice), payload);
        }
    }
}
