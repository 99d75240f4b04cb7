namespace SlaGrains.Domain.Processes;

/// <summary>When a milestone action runs.</summary>
public enum ActionTrigger
{
    Warning,
    Violation,
    Success,
}
