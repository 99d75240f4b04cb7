using Orleans.Concurrency;

namespace SlaGrains.Contracts.Queues;

/// <summary>
/// One slice of a queue's index (<see cref="QueueBuckets"/>), keyed by <see cref="QueueBuckets.Key"/>. Cases keep it
/// current; it is an index, not the truth, so updates are one-way and the case's own state always wins.
/// </summary>
[Alias("sla.queue-bucket")]
public interface IQueueBucketGrain : IGrainWithStringKey
{
    [Alias("upsert"), OneWay]
    Task Upsert(QueueEntry entry);

    [Alias("remove"), OneWay]
    Task Remove(string caseId, long version);

    /// <summary>Up to <paramref name="limit"/> of this slice's cases, in <see cref="QueueBuckets.SoonestFirst"/> order.</summary>
    [Alias("list")]
    Task<IReadOnlyList<QueueEntry>> List(int limit);

    /// <summary>One page of the open cases <paramref name="query"/> matches, soonest deadline first.</summary>
    [Alias("page")]
    Task<IReadOnlyList<QueueEntry>> Page(QueueQuery query);
}
