using Orleans.Concurrency;

namespace SlaGrains.Contracts.Queues;

/// <summary>
/// The index of one queue's open cases, soonest deadline first, keyed by the queue's name. Cases keep it current; it
/// is an index, not the truth, so updates are one-way and the case's own state always wins.
/// </summary>
[Alias("sla.queue")]
public interface IQueueGrain : IGrainWithStringKey
{
    [Alias("upsert"), OneWay]
    Task Upsert(QueueEntry entry);

    [Alias("remove"), OneWay]
    Task Remove(string caseId, long version);

    /// <summary>Up to <paramref name="limit"/> open cases, soonest deadline first; cases without a deadline last.</summary>
    [Alias("list")]
    Task<IReadOnlyList<QueueEntry>> List(int limit);
}
