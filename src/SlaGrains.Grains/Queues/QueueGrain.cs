using SlaGrains.Contracts.Queues;

namespace SlaGrains.Grains.Queues;

/// <summary>
/// A queue's open cases. Writes are batched: the grain stores its index at most every few seconds and when it
/// deactivates, because a busy queue changes with every event of every case in it. After a crash the index can miss
/// the last seconds of updates; each case re-announces itself at its next change or deadline.
/// </summary>
[GrainType("queue")]
public sealed class QueueGrain(
    [PersistentState("queue", StorageNames.Sla)] IPersistentState<QueueState> state) : Grain, IQueueGrain
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);

    // One-way calls can overtake each other only by moments, so a short memory of removals is enough.
    private const int RemovalsRemembered = 4096;
    private bool _dirty;

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
        }
        return Task.CompletedTask;
    }

    public Task Remove(string caseId, long version)
    {
        if (state.State.Entries.TryGetValue(caseId, out var current) && current.Version <= version)
        {
            state.State.Entries.Remove(caseId);
            if (state.State.Removed.Count >= RemovalsRemembered)
            {
                state.State.Removed.Clear();
            }
            state.State.Removed[caseId] = version;
            _dirty = true;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueueEntry>> List(int limit)
    {
        IReadOnlyList<QueueEntry> soonestFirst = [.. state.State.Entries.Values
            .OrderBy(e => e.DeadlineAt is null)
            .ThenBy(e => e.DeadlineAt)
            .ThenBy(e => e.CaseId, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))];
        return Task.FromResult(soonestFirst);
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
