using NodaTime;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// <see cref="CaseTimeline.Evaluate"/> kept alive between events, for a caller that sees a case's events one by one
/// and would otherwise refold the whole history on each. Events come in any order (ids distinct); the result equals a
/// full evaluation of the same events, as of any instant.
/// </summary>
/// <remarks>
/// Late events are common (an integration's batches and concurrent requests race each other), and an event can land
/// anywhere in the history. The fold keeps a checkpoint, a copy of itself, after every <c>checkpointEvery</c> events
/// of the history, so an event is folded in by replaying from the last checkpoint before its place: at most
/// <c>checkpointEvery</c> events plus those that happened after it, never the history before it. An evaluation as of
/// an instant inside the history replays at most <c>checkpointEvery</c> events the same way. A copy shares the ended
/// milestone instances (<see cref="MilestoneHistory"/>), so a checkpoint costs memory for the open instances only.
/// </remarks>
public sealed class CaseFold
{
    public const int DefaultCheckpointEvery = 32;

    private readonly CaseTimelineInput _input;
    private readonly int _every;
    private readonly List<CaseEvent> _history = []; // applied, in history order (ties in arrival order)
    private readonly List<TimelineFold> _checkpoints = []; // [j]: the fold after the first (j + 1) × _every events
    private TimelineFold _fold;

    /// <summary>Starts an empty fold; <see cref="CaseTimelineInput.Events"/> is not read.</summary>
    public CaseFold(CaseTimelineInput input, int checkpointEvery = DefaultCheckpointEvery)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpointEvery, 1);
        _input = input;
        _every = checkpointEvery;
        _fold = new TimelineFold(input);
    }

    /// <summary>How many events have been applied.</summary>
    public int Count => _history.Count;

    /// <summary>The first entitlement the history names once the case is open; null while it names none.</summary>
    public NamedEntitlement? NamedEntitlement => _fold.NamedEntitlement;

    /// <summary>The process version the case runs on now: the one it entered, or the last it was moved to.</summary>
    public ProcessVersion? ProcessVersion => _fold.Version;

    /// <summary>When the case was last closed, while it is closed; null while it is open.</summary>
    public Instant? ClosedSince => _fold.Closed ? _fold.LastClosedAt : null;

    /// <summary>Every task the history has created so far, with its completion.</summary>
    public IReadOnlyList<CaseTask> Tasks => _fold.Tasks;

    /// <summary>When the last event in history order happened; null before the first.</summary>
    public Instant? LastEventAt => _history.Count == 0 ? null : _history[^1].OccurredAt;

    /// <summary>Applies <paramref name="e"/> in its place in history: after every event that happened before or at its instant.</summary>
    public void Append(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var at = CountUpTo(e.OccurredAt);
        _history.Insert(at, e);
        if (at == _history.Count - 1)
        {
            _fold.Apply(e);
            if (_history.Count % _every == 0)
            {
                _checkpoints.Add(_fold.Copy());
            }
            return;
        }
        var kept = at / _every; // the checkpoints taken before the event's place still hold
        _checkpoints.RemoveRange(kept, _checkpoints.Count - kept);
        _fold = FoldAfter(kept);
        for (var i = kept * _every; i < _history.Count; i++)
        {
            _fold.Apply(_history[i]);
            if ((i + 1) % _every == 0)
            {
                _checkpoints.Add(_fold.Copy());
            }
        }
    }

    /// <summary>The case as of <paramref name="asOf"/>: the events up to and at that instant, none after it.</summary>
    public CaseEvaluation Evaluate(Instant asOf)
    {
        var count = CountUpTo(asOf);
        TimelineFold fold;
        if (count == _history.Count)
        {
            // Marking what is violated by asOf changes the instances, and a later event must not see those marks
            // early: the fold is copied only when there is something to mark.
            fold = _fold.HasViolationsToMark(asOf) ? _fold.Copy() : _fold;
        }
        else
        {
            var checkpoint = count / _every;
            fold = FoldAfter(checkpoint);
            for (var i = checkpoint * _every; i < count; i++)
            {
                fold.Apply(_history[i]);
            }
        }
        return Evaluate(fold, asOf);
    }

    /// <summary>The case as of <paramref name="asOf"/> from a fold of the events up to it: marks violations on that fold.</summary>
    internal static CaseEvaluation Evaluate(TimelineFold fold, Instant asOf)
    {
        fold.MarkViolations(asOf, inclusive: true);
        return new CaseEvaluation(TimelineOutput.Snapshot(fold, asOf), TimelineOutput.Notifications(fold)) { Fold = fold };
    }

    /// <summary>A fold to go on from: a copy of checkpoint <paramref name="checkpoints"/> − 1, or a new fold for none.</summary>
    private TimelineFold FoldAfter(int checkpoints) =>
        checkpoints == 0 ? new TimelineFold(_input) : _checkpoints[checkpoints - 1].Copy();

    /// <summary>How many events of the history happened at or before <paramref name="t"/>.</summary>
    private int CountUpTo(Instant t)
    {
        int low = 0, high = _history.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_history[middle].OccurredAt <= t)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
