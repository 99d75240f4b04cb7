namespace SlaGrains.Contracts.Queues;

/// <summary>
/// One queue's open cases, soonest deadline first, keyed by the queue's name: it lists what its buckets
/// (<see cref="IQueueBucketGrain"/>) hold. Cases update the buckets directly.
/// </summary>
[Alias("sla.queue")]
public interface IQueueGrain : IGrainWithStringKey
{
    /// <summary>
    /// Told by a bucket when it first indexes a case, and stored: until then the queue has never held a case and
    /// <see cref="List"/> answers empty without activating its buckets.
    /// </summary>
    [Alias("mark-indexed")]
    Task MarkIndexed();

    /// <summary>Up to <paramref name="limit"/> open cases, soonest deadline first; cases without a deadline last.</summary>
    [Alias("list")]
    Task<IReadOnlyList<QueueEntry>> List(int limit);

    /// <summary>One page of the open cases <paramref name="query"/> matches, soonest deadline first.</summary>
    [Alias("page")]
    Task<IReadOnlyList<QueueEntry>> Page(QueueQuery query);
}
