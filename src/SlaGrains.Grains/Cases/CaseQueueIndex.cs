using NodaTime;
using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// Keeps one case's row in its queue's index (<see cref="IQueueBucketGrain"/>): removed from the old queue when it
/// moves or closes, upserted when anything the row shows changed. Calls are one-way: the index is a view.
/// </summary>
public sealed class CaseQueueIndex(IGrainFactory grains, string caseId)
{
    // What the row last sent shows, so that events that change none of it (notes, custom fields) send nothing.
    private (string, string?, string?, string?, string?, Instant?, MilestoneStatus?, CaseMilestoneStatus)? _announced;

    public void Update(string? oldQueue, string? queue, CaseSnapshot snapshot, long version)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var moved = !string.Equals(oldQueue, queue, StringComparison.Ordinal);
        if (moved && oldQueue is not null)
        {
            grains.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(oldQueue, caseId)).Remove(caseId, version).Ignore();
        }
        if (queue is null)
        {
            return;
        }
        var nearest = CaseEngine.NearestOpenMilestone(snapshot);
        var shown = (queue, snapshot.Subject, snapshot.Priority, snapshot.Status, nearest?.Id, nearest?.TargetAt, nearest?.Status, snapshot.MilestoneStatus);
        if (!moved && _announced == shown)
        {
            return;
        }
        _announced = shown;
        grains.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(queue, caseId)).Upsert(new QueueEntry
        {
            CaseId = caseId,
            Subject = snapshot.Subject,
            Priority = snapshot.Priority,
            Status = snapshot.Status,
            DeadlineAt = nearest?.TargetAt,
            NearestMilestone = nearest,
            MilestoneStatus = snapshot.MilestoneStatus,
            Version = version,
        }).Ignore();
    }
}
