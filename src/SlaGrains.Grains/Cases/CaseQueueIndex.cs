using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// Keeps one case's row in the indexes that list it (<see cref="CaseIndexes"/>: its queue's, its owner's, all open
/// cases'), each a bucketed <see cref="IQueueBucketGrain"/>: removed where it no longer belongs (it moved, changed
/// owner or closed), upserted when anything a row shows changed. Calls are one-way: the indexes are views.
/// </summary>
public sealed class CaseQueueIndex(IGrainFactory grains, string caseId)
{
    // What the rows last sent show, so that events that change none of it (notes, custom fields) send nothing.
    private string? _announced;

    /// <summary>Moves the case from the indexes in <paramref name="indexed"/> to those of <paramref name="snapshot"/>.</summary>
    public void Update(IReadOnlyList<string> indexed, CaseSnapshot snapshot, long version)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        ArgumentNullException.ThrowIfNull(snapshot);
        List<string> keys = [.. CaseIndexes.Of(snapshot)];
        foreach (var left in indexed.Except(keys, StringComparer.Ordinal))
        {
            grains.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(left, caseId)).Remove(caseId, version).Ignore();
        }
        if (keys.Count == 0)
        {
            _announced = null;
            return;
        }
        var open = CaseIndexes.OpenMilestones(snapshot);
        var nearest = CaseEngine.NearestOpenMilestone(snapshot);
        var shown = string.Join('\u001f', [
            string.Join(',', keys), snapshot.Subject, snapshot.Priority, snapshot.Status, snapshot.IsStopped.ToString(),
            snapshot.MilestoneStatus.ToString(),
            .. open.Select(m => $"{m.Id}|{m.Status}|{m.TargetAt}|{m.ClockRunning}|{CaseIndexes.IsWarning(m)}")]);
        if (shown == _announced && keys.SequenceEqual(indexed, StringComparer.Ordinal))
        {
            return;
        }
        _announced = shown;
        var entry = new QueueEntry
        {
            CaseId = caseId,
            Subject = snapshot.Subject,
            Priority = snapshot.Priority,
            Status = snapshot.Status,
            DeadlineAt = nearest?.TargetAt,
            NearestMilestone = nearest,
            MilestoneStatus = snapshot.MilestoneStatus,
            Version = version,
            Queue = snapshot.Queue,
            Owner = snapshot.Owner,
            IsStopped = snapshot.IsStopped,
            OpenMilestones = open,
        };
        foreach (var key in keys)
        {
            grains.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(key, caseId)).Upsert(entry).Ignore();
        }
    }
}
