namespace SlaGrains.Domain.Cases;

/// <summary>
/// What happened to a case (docs/api.md, "Events"). <see cref="Escalated"/>, <see cref="FieldUpdated"/> and <see
/// cref="TaskCreated"/> are written by the case itself when actions fire.
/// </summary>
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

    /// <summary>A fieldUpdate action fired: the fields it set, in <see cref="CaseEvent.Changes"/>.</summary>
    FieldUpdated,

    /// <summary>A task action fired: the task, in <see cref="CaseEvent.Task"/>.</summary>
    TaskCreated,

    /// <summary>Someone finished a task the case holds (<see cref="CaseEvent.Task"/> names it by id).</summary>
    TaskCompleted,

    /// <summary>An administrator moved the case to another version of its process (<see cref="CaseEvent.ProcessVersion"/>).</summary>
    ProcessMoved,
}
