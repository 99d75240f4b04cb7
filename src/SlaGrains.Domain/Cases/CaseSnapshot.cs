using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>The case as of <see cref="AsOf"/>: docs/api.md's snapshot, plus the fields and the entitlement reason.</summary>
public sealed record CaseSnapshot
{
    public required string CaseId { get; init; }
    public required Instant AsOf { get; init; }
    public string? Status { get; init; }
    public string? Priority { get; init; }
    public string? Queue { get; init; }
    public string? Owner { get; init; }
    public string? Subject { get; init; }
    public string? AccountId { get; init; }
    public Instant? OpenedAt { get; init; }
    public required bool Closed { get; init; }
    public string? EntitlementId { get; init; }

    /// <summary>Why the case has this entitlement, or why it did not enter the process.</summary>
    public string? EntitlementReason { get; init; }

    public string? ProcessId { get; init; }
    public int? ProcessVersion { get; init; }
    public Instant? SlaStartAt { get; init; }
    public Instant? SlaExitAt { get; init; }
    public required bool IsStopped { get; init; }
    public Instant? StoppedSince { get; init; }
    public required CaseMilestoneStatus MilestoneStatus { get; init; }
    public required IReadOnlyList<MilestoneSnapshot> Milestones { get; init; }

    /// <summary>
    /// By milestone key, how many of its older ended instances <see cref="Milestones"/> leaves out (a recurring
    /// milestone can have thousands); empty when it shows them all. They are read a page at a time from
    /// <c>GET /api/v1/cases/{caseId}/milestones/{key}/instances</c>.
    /// </summary>
    public IReadOnlyDictionary<string, int> OmittedInstances { get; init; } = new Dictionary<string, int>();

    /// <summary>The follow-up tasks task actions created, oldest first, open or completed (docs/api.md, "Tasks").</summary>
    public IReadOnlyList<CaseTask> Tasks { get; init; } = [];
}
