namespace SlaGrains.Domain.Processes;

/// <summary>One milestone of an entitlement process (docs/api.md, docs/semantics.md).</summary>
public sealed record MilestoneDefinition
{
    public required string Name { get; init; }
    public int Minutes { get; init; }
    public IReadOnlyDictionary<string, int>? MinutesByPriority { get; init; }

    /// <summary>Case field → allowed values; every key must match (case-insensitive values).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Criteria { get; init; }

    public Recurrence Recurrence { get; init; } = Recurrence.None;
    public string? CalendarId { get; init; }
    public IReadOnlyList<string>? CompletedBy { get; init; }
    public IReadOnlyList<string>? StartedBy { get; init; }

    /// <summary>Statuses that stop this milestone's clock; when null, the process's list applies.</summary>
    public IReadOnlyList<string>? PausedStatuses { get; init; }

    public IReadOnlyList<WarningDefinition>? Warnings { get; init; }
    public IReadOnlyList<ActionDefinition>? Actions { get; init; }
}
