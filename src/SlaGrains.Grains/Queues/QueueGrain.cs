using Orleans.Concurrency;
using SlaGrains.Contracts.Queues;

namespace SlaGrains.Grains.Queues;

/// <summary>
/// A queue as its readers see it: the soonest cases of all its buckets. It stores nothing of its own; an index that
/// an earlier release kept here whole is handed to the buckets the first time the grain activates.
/// </summary>
[GrainType("queue"), Reentrant] // it only reads its buckets and passes calls on, so calls need not wait for each other
public sealed class QueueGrain(
    [PersistentState("queue", StorageNames.Sla)] IPersistentState<QueueState> unsplit) : Grain, IQueueGrain
{
    private string Queue => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (unsplit.State.Entries.Count == 0 && unsplit.State.Removed.Count == 0)
        {
            return;
        }
        var entries = new List<QueueEntry>[QueueBuckets.Count];
        var removed = new Dictionary<string, long>[QueueBuckets.Count];
        for (var b = 0; b < QueueBuckets.Count; b++)
        {
            entries[b] = [];
            removed[b] = new Dictionary<string, long>(StringComparer.Ordinal);
        }
        foreach (var entry in unsplit.State.Entries.Values)
        {
            entries[QueueBuckets.Of(entry.CaseId)].Add(entry);
        }
        foreach (var (caseId, version) in unsplit.State.Removed)
        {
            removed[QueueBuckets.Of(caseId)][caseId] = version;
        }
        await Task.WhenAll(Enumerable.Range(0, QueueBuckets.Count).Select(b => Bucket(b).Adopt(entries[b], removed[b])));
        await unsplit.ClearStateAsync(cancellationToken);
    }

    public Task Upsert(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Bucket(QueueBuckets.Of(entry.CaseId)).Upsert(entry);
    }

    public Task Remove(string caseId, long version) => Bucket(QueueBuckets.Of(caseId)).Remove(caseId, version);

    public async Task<IReadOnlyList<QueueEntry>> List(int limit)
    {
        var slices = await Task.WhenAll(Enumerable.Range(0, QueueBuckets.Count).Select(b => Bucket(b).List(limit)));
        return [.. QueueBuckets.SoonestFirst(slices.SelectMany(slice => slice)).Take(Math.Max(0, limit))];
    }

    private IQueueBucketGrain Bucket(int bucket) => GrainFactory.GetGrain<IQueueBucketGrain>(QueueBuckets.Key(Queue, bucket));
}
