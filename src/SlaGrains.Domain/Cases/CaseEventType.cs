namespace SlaGrains.Domain.Cases;

/// <summary>What happened to a case (docs/api.md, "Events"). <see cref="Escalated"/> is written by the case itself.</summary>
public enum CaseEventType
{
    Opened,
    Updated,
    AgentReplied,
    CustomerReplied,
    MilestoneCompleted,
    Stopped,
    Resumed,
    Closed,
    Reopened,

    /// <summary>An escalate action fired: fields set by the process, recorded like any other event.</summary>
    Escalated,
}
