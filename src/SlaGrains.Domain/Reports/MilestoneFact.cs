using NodaTime;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// One milestone instance as reports see it (docs/api.md, "Reports"): keyed by <see cref="CaseId"/> and <see
/// cref="MilestoneId"/>, stamped with the case version it was computed at so a stale write never replaces a newer one.
/// Queue, priority, owner and account are the case's at the outcome: at completion, at the breach, or now while open.
/// </summary>
public sealed record MilestoneFact
{
    public required string CaseId { get; init; }

    /// <summary>The instance id, <c>first-response#1</c>.</summary>
    public required string MilestoneId { get; init; }

    /// <summary>The milestone's name, <c>First Response</c>.</summary>
    public required string Milestone { get; init; }

    public required int Instance { get; init; }
    public required string ProcessId { get; init; }
    public required int ProcessVersion { get; init; }
    public string? EntitlementId { get; init; }
    public string? AccountId { get; init; }
    public string? Queue { get; init; }
    public string? Priority { get; init; }
    public string? Owner { get; init; }
    public string? CalendarId { get; init; }
    public required MilestoneFactStatus Status { get; init; }
    public required Instant StartedAt { get; init; }

    /// <summary>Null when the target lies beyond the supported range; such an instance counts in no period.</summary>
    public Instant? TargetAt { get; init; }

    public Instant? CompletedAt { get; init; }
    public Instant? ViolatedAt { get; init; }

    /// <summary>Business seconds from start to completion on the milestone's calendar, pauses left out; null unless met or met late.</summary>
    public long? SecondsToComplete { get; init; }

    public required long PausedSeconds { get; init; }

    /// <summary>Business seconds past the target: at completion, or as of the case's last change while still open.</summary>
    public required long OverdueSeconds { get; init; }

    public required long CaseVersion { get; init; }
}
