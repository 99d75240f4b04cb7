using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// <see cref="CaseTimeline.Evaluate"/> kept alive between events, for a caller that sees a case's events one by one
/// and would otherwise refold the whole history on each. Events must come in history order (by <c>occurredAt</c>,
/// ties in arrival order, ids distinct) and not after the instant evaluated; <see cref="TryAppend"/> refuses a late
/// one, and the caller then folds the history afresh. The result equals a full evaluation of the same events.
/// </summary>
public sealed class CaseFold
{
    private readonly CaseTimeline.Fold _fold;

    /// <summary>Starts an empty fold; <see cref="CaseTimelineInput.Events"/> is not read.</summary>
    public CaseFold(CaseTimelineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _fold = new CaseTimeline.Fold(input);
    }

    /// <summary>How many events have been applied.</summary>
    public int Count { get; private set; }

    /// <summary>When the last applied event happened; null before the first.</summary>
    public Instant? LastEventAt { get; private set; }

    /// <summary>Applies <paramref name="e"/>, unless it happened before the last applied event.</summary>
    public bool TryAppend(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (LastEventAt is { } last && e.OccurredAt < last)
        {
            return false;
        }
        _fold.Apply(e);
        LastEventAt = e.OccurredAt;
        Count++;
        return true;
    }

    /// <summary>The case as of <paramref name="asOf"/>, which must not be before the last applied event.</summary>
    public CaseEvaluation Evaluate(Instant asOf)
    {
        if (LastEventAt > asOf)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "The fold holds events after this instant; evaluate the history afresh.");
        }
        // Marking what is violated by asOf changes the instances, and a later event must not see those marks early.
        var fold = _fold.Copy();
        fold.MarkViolations(asOf, inclusive: true);
        return new CaseEvaluation(fold.Snapshot(asOf), fold.Notifications());
    }
}
