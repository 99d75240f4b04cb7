using Orleans.Concurrency;
using SlaGrains.Contracts.Queues;

namespace SlaGrains.Grains.Queues;

/// <summary>
/// A queue as its readers see it: the soonest cases of all its buckets. It stores only whether any case was ever
/// indexed under it, so a read of a queue that never held a case (any name a reader makes up) costs this one grain,
/// not its 32 buckets; an index that an earlier release kept here whole is handed to the buckets the first time the
/// grain activates.
/// </summary>
[GrainType("queue"), Reentrant] // it only reads its buckets and passes calls on, so calls need not wait for each other
public sealed class QueueGrain(
    [PersistentState("queue", StorageNames.Sla)] IPersistentState<QueueState> unsplit) : Grain, IQueueGrain
{
    private Task? _marking;

    private string Queue => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (unsplit.State.Entries.Count == 0 && unsplit.State.Removed.Count == 0)
        {
            return;
        }
        var entries = unsplit.State.Entries.Values.ToLookup(e => QueueBuckets.Of(e.CaseId));
        var removed = unsplit.State.Removed.ToLookup(r => QueueBuckets.Of(r.Key));
        await Task.WhenAll(Enumerable.Range(0, QueueBuckets.Count).Select(b =>
            Bucket(b).Adopt([.. entries[b]], removed[b].ToDictionary(StringComparer.Ordinal))));
        unsplit.State = new QueueState { Indexed = true };
        await unsplit.WriteStateAsync(cancellationToken);
    }

    public Task MarkIndexed()
    {
        // Reentrant: calls arriving while the flag is written share that one write.
        if (_marking is null || _marking.IsFaulted || _marking.IsCanceled)
        {
            _marking = Mark();
        }
        return _marking;
    }

    private async Task Mark()
    {
        if (unsplit.State.Indexed)
        {
            return;
        }
        unsplit.State.Indexed = true;
        try
        {
            await unsplit.WriteStateAsync();
        }
        catch
        {
            unsplit.State.Indexed = false; // the bucket was not answered, so it tells us again
            throw;
        }
    }

    public Task Upsert(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Bucket(QueueBuckets.Of(entry.CaseId)).Upsert(entry);
    }

    public Task Remove(string caseId, long version) => Bucket(QueueBuckets.Of(caseId)).Remove(caseId, version);

    public async Task<IReadOnlyList<QueueEntry>> List(int limit)
    {
        if (!unsplit.State.Indexed)
        {
            return [];
        }
        var slices = await Task.WhenAll(Enumerable.Range(0, QueueBuckets.Count).Select(b => Bucket(b).List(limit)));
        return [.. QueueBuckets.SoonestFirst(slices.SelectMany(slice => slice)).Take(Math.Max(0, limit))];
    }

    private IQueueBucketGrain Bucket(int bucket) => GrainFactory.GetGrain<IQueueBucketGrain>(QueueBuckets.Key(Queue, bucket));
}
