using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// <see cref="CaseTimeline.Evaluate"/> kept alive between events, for a caller that sees a case's events one by one
/// and would otherwise refold the whole history on each. Events come in history order (by <c>occurredAt</c>, ties in
/// arrival order, ids distinct), or a little late, and never after the instant evaluated. The result equals a full
/// evaluation of the same events.
/// </summary>
/// <remarks>
/// Late events are common: an integration's batches and concurrent requests race each other by milliseconds, and
/// each used to cost the case a fold of its whole history. The fold keeps two copies of itself taken
/// <c>window</c> events apart and the events applied since the older one, so an event that happened at or after the
/// older copy's last event is folded in by replaying at most twice the window from it. Only an event older than
/// that is refused, and the caller folds the history afresh.
/// </remarks>
public sealed class CaseFold
{
    public const int DefaultWindow = 32;

    private readonly CaseTimelineInput _input;
    private readonly int _window;
    private CaseTimeline.Fold _fold;
    private Checkpoint? _older; // null: the start of the history
    private Checkpoint? _newer; // _window events after _older, once there are that many
    private readonly List<CaseEvent> _recent = []; // applied since _older, in history order

    /// <summary>Starts an empty fold; <see cref="CaseTimelineInput.Events"/> is not read.</summary>
    public CaseFold(CaseTimelineInput input, int window = DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _input = input;
        _window = window;
        _fold = new CaseTimeline.Fold(input);
    }

    /// <summary>How many events have been applied.</summary>
    public int Count { get; private set; }

    /// <summary>When the last event in history order happened; null before the first.</summary>
    public Instant? LastEventAt { get; private set; }

    /// <summary>
    /// Applies <paramref name="e"/> in its place in history, unless it happened before the fold's replay window
    /// (then nothing changes and the caller folds the history afresh).
    /// </summary>
    public bool TryAppend(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (LastEventAt is { } last && e.OccurredAt < last)
        {
            if (_older?.LastEventAt is { } windowStart && e.OccurredAt < windowStart)
            {
                return false;
            }
            // After every event of its instant that came before it: ties stay in arrival order.
            _recent.Insert(_recent.FindLastIndex(r => r.OccurredAt <= e.OccurredAt) + 1, e);
            Replay();
        }
        else
        {
            _fold.Apply(e);
            _recent.Add(e);
            LastEventAt = e.OccurredAt;
            if (_recent.Count == _window)
            {
                _newer = new Checkpoint(_fold.Copy(), e.OccurredAt);
            }
        }
        Count++;
        if (_recent.Count == 2 * _window)
        {
            _older = _newer;
            _recent.RemoveRange(0, _window);
            _newer = new Checkpoint(_fold.Copy(), LastEventAt);
        }
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

    /// <summary>Folds <see cref="_recent"/> afresh from the older checkpoint, taking the newer one on the way.</summary>
    private void Replay()
    {
        _fold = _older?.Fold.Copy() ?? new CaseTimeline.Fold(_input);
        _newer = null;
        for (var i = 0; i < _recent.Count; i++)
        {
            _fold.Apply(_recent[i]);
            if (i + 1 == _window)
            {
                _newer = new Checkpoint(_fold.Copy(), _recent[i].OccurredAt);
            }
        }
    }

    /// <summary>A copy of the fold as it stood after an event, never applied to again, and when that event happened.</summary>
    private sealed record Checkpoint(CaseTimeline.Fold Fold, Instant? LastEventAt);
}
