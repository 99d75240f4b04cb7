using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// The milestone timeline: one pure function from a case's events, entitlement, pinned process version and calendars
/// to its state as of an instant (docs/semantics.md) and the notifications it owes. Events are folded in
/// <c>occurredAt</c> order (ties: arrival order); a repeated <c>eventId</c> is ignored; events after
/// <c>asOf</c> are not yet history. A late event simply lands in its place on the next evaluation.
/// </summary>
public static class CaseTimeline
{
    public static CaseEvaluation Evaluate(CaseTimelineInput input, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fold = new TimelineFold(input);
        foreach (var e in InHistoryOrder(input.Events))
        {
            if (e.OccurredAt > asOf)
            {
                break;
            }
            fold.Apply(e);
        }
        return CaseFold.Evaluate(fold, asOf);
    }

    /// <summary>Distinct by event id (first arrival wins), then stable-sorted by occurrence.</summary>
    public static IEnumerable<CaseEvent> InHistoryOrder(IEnumerable<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var seen = new HashSet<string>(events.TryGetNonEnumeratedCount(out var count) ? count : 0, StringComparer.Ordinal);
        return events.Where(e => seen.Add(e.EventId)).OrderBy(e => e.OccurredAt);
    }
}
