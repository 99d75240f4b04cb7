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
    // The row last sent, so that events that change nothing it shows (notes, custom fields) send nothing.
    private QueueEntry? _announced;

    /// <summary>Moves the case from the indexes in <paramref name="indexed"/> to those of <paramref name="snapshot"/>.</summary>
    public void Update(IReadOnlyList<string> indexed, CaseSnapshot snapshot, long version)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        ArgumentNullException.ThrowIfNull(snapshot);
        var keys = CaseIndexes.Of(snapshot);
        foreach (var left in CaseIndexes.Left(indexed, keys))
        {
            grains.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(left, caseId)).Remove(caseId, version).Ignore();
        }
        if (keys.Count == 0)
        {
            _announced = null;
            return;
        }
        if (_announced is not null && _announced.ShowsTheSameAs(snapshot) && keys.SequenceEqual(indexed, StringComparer.Ordinal))
        {
            return;
        }
        _announced = QueueEntry.Of(snapshot, version);
        foreach (var key in keys)
        {
            grains.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(key, caseId)).Upsert(_announced).Ignore();
        }
    }
}
