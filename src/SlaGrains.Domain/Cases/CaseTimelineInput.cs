using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// Everything the timeline needs: the case's events in arrival order, its entitlement decision, the process version it
/// is pinned to, and the calendars by id (a missing calendar counts as 24x7 and is named in the snapshot).
/// </summary>
public sealed record CaseTimelineInput
{
    public required string CaseId { get; init; }
    public required IReadOnlyList<CaseEvent> Events { get; init; }
    public EntitlementDecision? Entitlement { get; init; }
    public ProcessVersion? Process { get; init; }
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; init; } = new Dictionary<string, BusinessCalendar>();

    /// <summary>The versions of the process the history's <c>processMoved</c> events name, by number; a move to one missing here is ignored.</summary>
    public IReadOnlyDictionary<int, ProcessVersion> ProcessVersions { get; init; } = new Dictionary<int, ProcessVersion>();

    /// <summary>
    /// How many ended instances of each milestone the snapshot shows besides the open one, the latest first; null
    /// shows all. Only what the snapshot lists changes: statuses, notifications and pages read every instance.
    /// </summary>
    public int? InstancesShown { get; init; }

    /// <summary>Why matching chose the entitlement or found none: the snapshot's reason until the entitlement gives one.</summary>
    public string? MatchReason { get; init; }
}
