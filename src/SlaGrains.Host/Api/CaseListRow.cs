using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Host.Api;

/// <summary>
/// One open case in a listing (<c>GET /api/v1/cases</c>), as of <see cref="AsOf"/>: enough to show a row, and every
/// open milestone with its target, remaining or overdue seconds, clock and warning window.
/// </summary>
public sealed record CaseListRow
{
    public required string CaseId { get; init; }
    public required Instant AsOf { get; init; }
    public string? Subject { get; init; }
    public string? Priority { get; init; }
    public string? Status { get; init; }
    public string? Queue { get; init; }
    public string? Owner { get; init; }
    public string? AccountId { get; init; }
    public string? EntitlementId { get; init; }
    public required bool IsStopped { get; init; }
    public Instant? StoppedSince { get; init; }
    public required CaseMilestoneStatus MilestoneStatus { get; init; }

    /// <summary>The soonest target among the open milestones: what the listing is ordered by.</summary>
    public Instant? NextDeadlineAt { get; init; }

    public required IReadOnlyList<MilestoneSnapshot> Milestones { get; init; }
}
