namespace SlaGrains.Domain.Processes;

/// <summary>What a milestone action does (docs/semantics.md).</summary>
public enum ActionType
{
    /// <summary>A signed delivery to the webhooks subscribed to the notification's type.</summary>
    Webhook,

    /// <summary>
    /// A hub message to the case's and its queue's subscribers. Every notice is sent to them whatever its actions, so
    /// this adds no effect of its own (<see cref="Cases.CaseEngine"/>); processes may still name it.
    /// </summary>
    Notify,

    /// <summary>Sets case fields through an escalation event in the case's history, with a <c>case.escalated</c> notice.</summary>
    Escalate,

    /// <summary>Sets any case field (<see cref="ActionDefinition.Set"/>) through a <c>fieldUpdated</c> event in the case's history.</summary>
    FieldUpdate,

    /// <summary>Creates a follow-up task on the case, due <see cref="ActionDefinition.DueInMinutes"/> after the notice.</summary>
    Task,

    /// <summary>Sends an email rendered from <see cref="ActionDefinition.Subject"/> and <see cref="ActionDefinition.Body"/> to <see cref="ActionDefinition.To"/>.</summary>
    Email,
}
