using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>Whether a case was open at an instant, by its history: what decides if a backdated calendar version reaches it.</summary>
public static class CaseLife
{
    /// <summary>Opened at or before <paramref name="t"/> and not closed then (a reopening counts as open again).</summary>
    public static bool OpenAt(IEnumerable<CaseEvent> events, Instant t)
    {
        var open = false;
        foreach (var e in CaseTimeline.InHistoryOrder(events))
        {
            if (e.OccurredAt > t)
            {
                break;
            }
            open = e.Type switch
            {
                CaseEventType.Opened or CaseEventType.Reopened => true,
                CaseEventType.Closed => false,
                _ => open,
            };
        }
        return open;
    }
}
