using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// What <see cref="CaseEngine.Settle"/> decided for a case as of an instant: the evaluation after everything fired,
/// the notifications that fired now (in firing order), their notices with where they go, the escalation events their
/// actions caused (to be stored like any other event), and per milestone instance the earliest notification it still
/// owes (where its reminder points).
/// </summary>
public sealed record CaseSettlement(
    CaseEvaluation Evaluation,
    IReadOnlyList<PendingNotification> Fired,
    IReadOnlyList<FiredNotice> Notices,
    IReadOnlyList<CaseEvent> Events,
    IReadOnlyDictionary<string, Instant> Owed);
