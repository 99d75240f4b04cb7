using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// What replaying a case needs from it: its events, its entitlement's decision, the process version it is pinned to
/// and the versions its <c>processMoved</c> events moved it to.
/// </summary>
public sealed record CaseReplay(string CaseId, IReadOnlyList<CaseEvent> Events, EntitlementDecision? Entitlement, string? MatchReason, ProcessVersion? Process)
{
    public IReadOnlyDictionary<int, ProcessVersion> MovedTo { get; init; } = new Dictionary<int, ProcessVersion>();
}
