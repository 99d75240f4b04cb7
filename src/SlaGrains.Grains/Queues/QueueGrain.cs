using Orleans.Concurrency;
using SlaGrains.Contracts.Queues;

namespace SlaGrains.Grains.Queues;

/// <summary>
/// A queue as its readers see it: the soonest cases of all its buckets. It stores only whether any case was ever
/// indexed under it, so a read of a queue that never held a case (any name a reader makes up) costs this one grain,
/// not its 32 buckets.
/// </summary>
[GrainType("queue"), Reentrant] // it only reads its buckets and sets one flag, so calls need not wait for each other
public sealed class QueueGrain(
    [PersistentState("queue", StorageNames.Sla)] IPersistentState<QueueIndexedState> state) : Grain, IQueueGrain
{
    private Task? _marking;

    private string Queue => this.GetPrimaryKeyString();

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
        if (state.State.Indexed)
        {
            return;
        }
        state.State.Indexed = true;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Indexed = false; // the bucket was not answered, so it tells us again
            throw;
        }
    }

    public async Task<IReadOnlyList<QueueEntry>> List(int limit)
    {
        if (!state.State.Indexed)
        {
            return [];
        }
        var slices = await Task.WhenAll(Enumerable.Range(0, QueueBuckets.Count).Select(b => Bucket(b).List(limit)));
        return [.. QueueBuckets.SoonestFirst(slices.SelectMany(slice => slice)).Take(Math.Max(0, limit))];
    }

    public async Task<IReadOnlyList<QueueEntry>> Page(QueueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!state.State.Indexed)
        {
            return [];
        }
        var slices = await Task.WhenAll(Enumerable.Range(0, QueueBuckets.Count).Select(b => Bucket(b).Page(query)));
        return query.Page(slices.SelectMany(slice => slice));
    }

    private IQueueBucketGrain Bucket(int bucket) => GrainFactory.GetGrain<IQueueBucketGrain>(QueueBuckets.Key(Queue, bucket));
}
