using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Queues;

/// <summary>
/// An open case as its queue lists it: its nearest open milestone (soonest target; violated ones first, since their
/// targets have passed) and enough of the case to show a row. <see cref="Version"/> lets the queue ignore stale updates.
/// </summary>
[GenerateSerializer, Immutable, Alias("sla.queue-entry")]
public sealed record QueueEntry
{
    [Id(0)] public required string CaseId { get; init; }
    [Id(1)] public string? Subject { get; init; }
    [Id(2)] public string? Priority { get; init; }
    [Id(3)] public string? Status { get; init; }
    [Id(4)] public Instant? DeadlineAt { get; init; }
    [Id(5)] public MilestoneSnapshot? NearestMilestone { get; init; }
    [Id(6)] public CaseMilestoneStatus MilestoneStatus { get; init; }
    [Id(7)] public long Version { get; init; }
    [Id(8)] public string? Queue { get; init; }
    [Id(9)] public string? Owner { get; init; }
    [Id(10)] public bool IsStopped { get; init; }

    /// <summary>Every open milestone as of the case's last change; what listings filter on (<see cref="QueueQuery.States"/>).</summary>
    [Id(11)] public IReadOnlyList<MilestoneSnapshot> OpenMilestones { get; init; } = [];
}
