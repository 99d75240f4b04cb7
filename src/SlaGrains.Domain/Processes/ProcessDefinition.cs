namespace SlaGrains.Domain.Processes;

/// <summary>An entitlement process as an administrator writes it (docs/api.md).</summary>
public sealed record ProcessDefinition
{
    public const string CaseCreated = "caseCreated";
    public const string CaseClosed = "caseClosed";

    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool Active { get; init; } = true;
    public string? CalendarId { get; init; }

    /// <summary><c>caseCreated</c>, or <c>customFields.&lt;name&gt;</c> holding the instant the SLA starts.</summary>
    public string StartsFrom { get; init; } = CaseCreated;

    public string ExitsWhen { get; init; } = CaseClosed;
    public IReadOnlyList<string>? PausedStatuses { get; init; }
    public required IReadOnlyList<MilestoneDefinition> Milestones { get; init; }
}
