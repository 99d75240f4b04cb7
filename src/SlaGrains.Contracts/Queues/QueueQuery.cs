using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Queues;

/// <summary>One page of an index: after a position, only cases in some of the states and queues given, at most a limit.</summary>
[GenerateSerializer, Immutable, Alias("sla.queue-query")]
public sealed record QueueQuery
{
    [Id(0)] public QueuePosition? After { get; init; }
    [Id(1)] public required int Limit { get; init; }

    /// <summary>Cases in any of these states (<see cref="CaseIndexes.Matches"/>); every case when empty.</summary>
    [Id(2)] public IReadOnlyList<CaseListState> States { get; init; } = [];

    /// <summary>Cases in any of these queues; every case when empty.</summary>
    [Id(3)] public IReadOnlyList<string> Queues { get; init; } = [];

    public bool Matches(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (After is null || After.Precedes(entry)) &&
               (Queues.Count == 0 || (entry.Queue is { } queue && Queues.Contains(queue, StringComparer.Ordinal))) &&
               CaseIndexes.Matches(States, entry.OpenMilestones, entry.IsStopped);
    }

    /// <summary>The first <see cref="Limit"/> of <paramref name="entries"/> this query matches, soonest deadline first.</summary>
    public IReadOnlyList<QueueEntry> Page(IEnumerable<QueueEntry> entries) =>
        [.. QueueBuckets.SoonestFirst(entries.Where(Matches)).Take(Math.Max(0, Limit))];
}
