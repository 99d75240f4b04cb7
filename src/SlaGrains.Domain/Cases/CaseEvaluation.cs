namespace SlaGrains.Domain.Cases;

/// <summary>The timeline's result: the snapshot and every notification the case's open and completed instances owe.</summary>
public sealed record CaseEvaluation(CaseSnapshot Snapshot, IReadOnlyList<PendingNotification> Notifications);
