using NodaTime;

namespace SlaGrains.Domain.Reports;

/// <summary>One case as reports see it: when it opened and closed, how often it reopened, its first public reply.</summary>
public sealed record CaseFact
{
    public required string CaseId { get; init; }

    /// <summary>The process the case entered; null when it entered none.</summary>
    public string? ProcessId { get; init; }

    public int? ProcessVersion { get; init; }
    public string? EntitlementId { get; init; }
    public string? AccountId { get; init; }
    public string? Queue { get; init; }
    public string? Priority { get; init; }
    public string? Owner { get; init; }
    public Instant? OpenedAt { get; init; }

    /// <summary>When the case last closed; null while it is open.</summary>
    public Instant? ClosedAt { get; init; }

    public required int ReopenedCount { get; init; }

    /// <summary>The first public agent reply.</summary>
    public Instant? FirstResponseAt { get; init; }

    public required long CaseVersion { get; init; }
}
