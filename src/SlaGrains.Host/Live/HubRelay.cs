using Microsoft.AspNetCore.SignalR;
using SlaGrains.Contracts.Live;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Host.Live;

/// <summary>
/// This process's relay: every change in the cluster arrives here, and goes to the SignalR groups of this process
/// that subscribed to its case, its queue, its owner or all cases, and to those of the queue or owner it just left.
/// SignalR groups stay local, so no backplane is needed. A change nobody here watches is dropped before its payload is built.
/// </summary>
public sealed class HubRelay(IHubContext<SlaHub> hub, LiveSubscriptions subscriptions) : ILiveRelay
{
    public async Task CasesChanged(IReadOnlyList<CaseChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            var groups = Watching(change.Snapshot.CaseId, change.Snapshot.Queue, change.Snapshot.Owner);
            // The views the case just left (a new owner, another queue, closed) get it once more, to drop it.
            foreach (var left in change.Left.Select(LivePayloads.IndexGroup))
            {
                if (!groups.Contains(left) && subscriptions.HasMembers(left))
                {
                    groups.Add(left);
                }
            }
            if (groups.Count > 0)
            {
                await hub.Clients.Groups(groups).SendAsync(LivePayloads.CaseChanged, LivePayloads.Case(change));
            }
        }
    }

    public async Task Noticed(IReadOnlyList<SlaNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        foreach (var notice in notices)
        {
            if (Watching(notice.CaseId, notice.Queue, notice.Owner) is { Count: > 0 } groups)
            {
                await hub.Clients.Groups(groups).SendAsync(LivePayloads.MethodFor(notice), LivePayloads.Notice(notice));
            }
        }
    }

    /// <summary>The groups of the case, its queue, its owner and of all cases that have members in this process.</summary>
    private List<string> Watching(string caseId, string? queue, string? owner)
    {
        List<string> groups = [];
        if (LivePayloads.CaseGroup(caseId) is var caseGroup && subscriptions.HasMembers(caseGroup))
        {
            groups.Add(caseGroup);
        }
        if (queue is not null && LivePayloads.QueueGroup(queue) is var queueGroup && subscriptions.HasMembers(queueGroup))
        {
            groups.Add(queueGroup);
        }
        if (owner is not null && LivePayloads.OwnerGroup(owner) is var ownerGroup && subscriptions.HasMembers(ownerGroup))
        {
            groups.Add(ownerGroup);
        }
        if (subscriptions.HasMembers(LivePayloads.AllGroup))
        {
            groups.Add(LivePayloads.AllGroup);
        }
        return groups;
    }
}
