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

    /// <summary>
    /// Moves the case out of the indexes it <paramref name="left"/> and into <paramref name="keys"/>, those of
    /// <paramref name="snapshot"/> (<see cref="CaseIndexes.Of"/>), which it was in under <paramref name="indexed"/>.
    /// </summary>
    public void Update(IReadOnlyList<string> indexed, IReadOnlyList<string> keys, IReadOnlyList<string> left, CaseSnapshot snapshot, long version)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var key in left)
        {
            grains.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(key, caseId)).Remove(caseId, version).Ignore();
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
