using Orleans.Concurrency;

namespace SlaGrains.Contracts.Queues;

/// <summary>
/// One queue's open cases, soonest deadline first, keyed by the queue's name: it lists what its buckets
/// (<see cref="IQueueBucketGrain"/>) hold. Cases update the buckets directly; <see cref="Upsert"/> and
/// <see cref="Remove"/> remain for silos of an earlier release during a rolling upgrade, and are passed on.
/// </summary>
[Alias("sla.queue")]
public interface IQueueGrain : IGrainWithStringKey
{
    [Alias("upsert"), OneWay]
    Task Upsert(QueueEntry entry);

    [Alias("remove"), OneWay]
    Task Remove(string caseId, long version);

    /// <summary>
    /// Told by a bucket when it first indexes a case, and stored: until then the queue has never held a case and
    /// <see cref="List"/> answers empty without activating its buckets.
    /// </summary>
    [Alias("mark-indexed")]
    Task MarkIndexed();

    /// <summary>Up to <paramref name="limit"/> open cases, soonest deadline first; cases without a deadline last.</summary>
    [Alias("list")]
    Task<IReadOnlyList<QueueEntry>> List(int limit);
}
