using SlaGrains.Contracts.Queues;

namespace SlaGrains.Grains.Queues;

/// <summary>
/// One slice of a queue's open cases. Writes are batched: the grain stores its slice at most every few seconds and
/// when it deactivates, because a busy queue changes with every event of every case in it. After a crash the slice
/// can miss the last seconds of updates; each case re-announces itself at its next change or deadline. The first
/// case it indexes, it tells its queue (<see cref="IQueueGrain.MarkIndexed"/>), which reads no buckets until then.
/// </summary>
[GrainType("queue-bucket")]
public sealed class QueueBucketGrain(
    [PersistentState("queue", StorageNames.Sla)] IPersistentState<QueueState> state) : Grain, IQueueBucketGrain
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);

    // One-way calls can overtake each other only by moments, so a short memory of removals is enough.
    private const int RemovalsRemembered = 4096;
    private bool _dirty;
    private bool _announcing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Flush, FlushEvery, FlushEvery);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await Flush(cancellationToken);

    public Task Upsert(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entries = state.State.Entries;
        var stale = (entries.TryGetValue(entry.CaseId, out var current) && current.Version > entry.Version) ||
                    (state.State.Removed.TryGetValue(entry.CaseId, out var removedAt) && removedAt >= entry.Version);
        if (!stale)
        {
            entries[entry.CaseId] = entry;
            state.State.Removed.Remove(entry.CaseId);
            _dirty = true;
            if (!state.State.Indexed && !_announcing)
            {
                _announcing = true;
                // Not awaited: the update is done; the queue's write of its flag need not hold up this bucket's calls.
                Announce().Ignore();
            }
        }
        return Task.CompletedTask;
    }

    private async Task Announce()
    {
        try
        {
            await GrainFactory.GetGrain<IQueueGrain>(QueueBuckets.QueueOf(this.GetPrimaryKeyString())).MarkIndexed();
            state.State.Indexed = true; // stored with the next flush; if that is lost, the queue is told twice, which is harmless
            _dirty = true;
        }
        finally
        {
            _announcing = false; // on failure the next update tries again
        }
    }

    public Task Remove(string caseId, long version)
    {
        if (state.State.Entries.TryGetValue(caseId, out var current) && current.Version > version)
        {
            return Task.CompletedTask; // the case is back: this removal is older than its last update
        }
        state.State.Entries.Remove(caseId);
        // Remembered even when the case is not listed: the update it follows may still be on its way.
        if (!state.State.Removed.TryGetValue(caseId, out var known) || known < version)
        {
            if (state.State.Removed.Count >= RemovalsRemembered)
            {
                state.State.Removed.Clear();
            }
            state.State.Removed[caseId] = version;
        }
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueueEntry>> List(int limit)
    {
        IReadOnlyList<QueueEntry> soonestFirst = [.. QueueBuckets.SoonestFirst(state.State.Entries.Values).Take(Math.Max(0, limit))];
        return Task.FromResult(soonestFirst);
    }

    public Task<IReadOnlyList<QueueEntry>> Page(QueueQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(query.Page(state.State.Entries.Values));
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await state.WriteStateAsync(cancellationToken);
        }
    }
}
