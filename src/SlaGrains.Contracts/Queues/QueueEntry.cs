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

    /// <summary>The row of <paramref name="snapshot"/>, an open case, at its <paramref name="version"/>.</summary>
    public static QueueEntry Of(CaseSnapshot snapshot, long version)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var nearest = CaseEngine.NearestOpenMilestone(snapshot);
        return new QueueEntry
        {
            CaseId = snapshot.CaseId,
            Subject = snapshot.Subject,
            Priority = snapshot.Priority,
            Status = snapshot.Status,
            DeadlineAt = nearest?.TargetAt,
            NearestMilestone = nearest,
            MilestoneStatus = snapshot.MilestoneStatus,
            Version = version,
            Queue = snapshot.Queue,
            Owner = snapshot.Owner,
            IsStopped = snapshot.IsStopped,
            OpenMilestones = CaseIndexes.OpenMilestones(snapshot),
        };
    }

    /// <summary>
    /// Whether the row of <paramref name="snapshot"/> would show what this one shows, whatever their versions: the
    /// case's fields, and per open milestone its status, target, running clock and warning state. Figures that move
    /// with time alone (elapsed, remaining) do not count: they change on every read, not with the case.
    /// </summary>
    public bool ShowsTheSameAs(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.CaseId != CaseId || snapshot.Subject != Subject || snapshot.Priority != Priority || snapshot.Status != Status ||
            snapshot.Queue != Queue || snapshot.Owner != Owner || snapshot.IsStopped != IsStopped || snapshot.MilestoneStatus != MilestoneStatus)
        {
            return false;
        }
        // Field by field, without building the other row: most events of a case change nothing a row shows.
        var shown = 0;
        foreach (var m in snapshot.Milestones)
        {
            if (!CaseIndexes.IsOpen(m))
            {
                continue;
            }
            if (shown == OpenMilestones.Count || !ShowsTheSame(OpenMilestones[shown++], m))
            {
                return false;
            }
        }
        return shown == OpenMilestones.Count;
    }

    private static bool ShowsTheSame(MilestoneSnapshot shown, MilestoneSnapshot now) =>
        shown.Id == now.Id && shown.Status == now.Status && shown.TargetAt == now.TargetAt && shown.ClockRunning == now.ClockRunning &&
        CaseIndexes.IsWarning(shown) == CaseIndexes.IsWarning(now);
}
