using NodaTime;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// A notification the case owes (docs/semantics.md): its stable id
/// <c>{caseId}/{milestone}#{instance}/{kind}/{offset}</c>, when it falls due, and the actions it carries. The grain
/// fires each id at most once, whenever it is due and not yet recorded as fired.
/// </summary>
public sealed record PendingNotification(
    string Id,
    string MilestoneId,
    NotificationKind Kind,
    Instant DueAt,
    IReadOnlyList<ActionDefinition> Actions,
    bool Late = false);
