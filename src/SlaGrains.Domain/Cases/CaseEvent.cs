using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// One thing that happened to a case. The payload members used depend on <see cref="Type"/>: <see cref="Case"/> for
/// <c>opened</c>, <see cref="Changes"/> for <c>updated</c>, <c>escalated</c> and <c>fieldUpdated</c>, <see
/// cref="Public"/> for <c>agentReplied</c>, <see cref="Milestone"/> for <c>milestoneCompleted</c>, <see cref="Task"/>
/// for <c>taskCreated</c> and <c>taskCompleted</c>.
/// </summary>
public sealed record CaseEvent
{
    public required string EventId { get; init; }
    public required CaseEventType Type { get; init; }
    public required Instant OccurredAt { get; init; }
    public CaseFields? Case { get; init; }
    public CaseChanges? Changes { get; init; }

    /// <summary>An agent's reply is public unless it says otherwise; internal notes complete nothing.</summary>
    public bool? Public { get; init; }

    public string? Milestone { get; init; }

    /// <summary>For <c>taskCreated</c>: the task; for <c>taskCompleted</c>: its <c>taskId</c>.</summary>
    public TaskDetails? Task { get; init; }

    /// <summary>For the events actions write (<c>escalated</c>, <c>fieldUpdated</c>, <c>taskCreated</c>): the notification whose action caused it.</summary>
    public string? NotificationId { get; init; }

    /// <summary>For <c>processMoved</c>: the version of its process the case runs on from this event on.</summary>
    public int? ProcessVersion { get; init; }

    /// <summary>
    /// The fields SlaGrains filled in rather than the client sent (<see cref="CaseEventReplay"/>): <c>occurredAt</c>
    /// when the event came without one, <c>case.entitlementId</c> when matching chose it. Null when there are none.
    /// </summary>
    public IReadOnlyList<string>? Assigned { get; init; }

    /// <summary>Who sent it, set by the host from the authenticated key. A resend keeps the first sender's (<see cref="CaseEventReplay"/>).</summary>
    public EventActor? Actor { get; init; }
}
