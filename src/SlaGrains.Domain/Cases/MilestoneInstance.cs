using System.Collections.Immutable;
using NodaTime;
using SlaGrains.Domain.Calendars;

namespace SlaGrains.Domain.Cases;

/// <summary>One run of a milestone while the timeline folds events; becomes a <see cref="MilestoneSnapshot"/>.</summary>
internal sealed class MilestoneInstance(MilestoneTrack track, int number, Instant startedAt, Duration time)
{
    // Immutable so that a copy shares them: an open instance can be paused thousands of times, and a fold is copied often.
    private ImmutableList<PauseInterval> _pauses = [];
    private Instant? _target;
    private bool _targetKnown;
    private string? _id; // asked for by every snapshot and notification of every evaluation

    public MilestoneTrack Track { get; } = track;
    public int Number { get; } = number;
    public Instant StartedAt { get; } = startedAt;
    public Duration Time { get; private set; } = time;
    public Instant? EndedAt { get; private set; }
    public MilestoneStatus? EndStatus { get; private set; }

    /// <summary>The target this instance passed, once it has; never cleared by time.</summary>
    public Instant? ViolatedAt { get; private set; }

    /// <summary>
    /// The case's fields when this instance's outcome happened: when it was violated (a breach stays the outcome even
    /// if the instance is canceled later), else when it ended; null while it is open and on time. Reports attribute
    /// the outcome to the queue, priority and owner of that moment.
    /// </summary>
    public CaseFields? OutcomeFields { get; private set; }

    public string Id => _id ??= $"{Track.Key}#{Number}";
    public bool IsOpen => EndedAt is null;
    public bool IsPaused => !_pauses.IsEmpty && _pauses[^1].End is null;
    public IReadOnlyList<PauseInterval> Pauses => _pauses;
    public BusinessCalendar Calendar => Track.Calendar;

    /// <summary>The target with the pauses known so far; null while an open pause holds the clock short of it, or when
    /// it lies beyond <see cref="InstantRange.End"/> (the instance can then not be violated).</summary>
    public Instant? Target()
    {
        if (!_targetKnown)
        {
            _target = Calendar.Add(StartedAt, Time, _pauses);
            _targetKnown = true;
        }
        return _target;
    }

    /// <summary>The target if an open pause ended at <paramref name="resumeAt"/>: what a stopped countdown shows.
    /// Null when it lies beyond <see cref="InstantRange.End"/>.</summary>
    public Instant? TargetIfResumedAt(Instant resumeAt) =>
        Calendar.Add(StartedAt, Time, PausesUntil(resumeAt));

    /// <summary>The pauses with an open one closed at <paramref name="until"/>.</summary>
    public IReadOnlyList<PauseInterval> PausesUntil(Instant until)
    {
        if (!IsPaused)
        {
            return _pauses;
        }
        var last = _pauses[^1];
        return _pauses.SetItem(_pauses.Count - 1, last with { End = until > last.Start ? until : last.Start });
    }

    public void ChangeTime(Duration time)
    {
        Time = time;
        _targetKnown = false;
    }

    public void Pause(Instant at)
    {
        if (!IsPaused)
        {
            _pauses = _pauses.Add(new PauseInterval(at, null));
            _targetKnown = false;
        }
    }

    public void Resume(Instant at)
    {
        if (IsPaused)
        {
            _pauses = _pauses.SetItem(_pauses.Count - 1, _pauses[^1] with { End = at });
            _targetKnown = false;
        }
    }

    /// <summary>This instance as it stands, to change without touching this one.</summary>
    public MilestoneInstance Copy()
    {
        var copy = new MilestoneInstance(Track, Number, StartedAt, Time)
        {
            EndedAt = EndedAt,
            EndStatus = EndStatus,
            ViolatedAt = ViolatedAt,
            OutcomeFields = OutcomeFields,
            _pauses = _pauses,
        };
        copy._target = _target;
        copy._targetKnown = _targetKnown;
        copy._id = _id;
        return copy;
    }

    /// <summary>The target has passed while the case had <paramref name="fields"/>.</summary>
    public void Violate(Instant target, CaseFields fields)
    {
        ViolatedAt = target;
        OutcomeFields = fields;
    }

    /// <summary>This open instance under another definition of its milestone: same number, start, pauses and violation; a new time.</summary>
    public MilestoneInstance MovedTo(MilestoneTrack track, Duration time) =>
        new(track, Number, StartedAt, time) { ViolatedAt = ViolatedAt, OutcomeFields = OutcomeFields, _pauses = _pauses };

    /// <summary>Completed on or before the target is on time; after it, late.</summary>
    public void Complete(Instant at, CaseFields fields)
    {
        Resume(at);
        if (ViolatedAt is null && Target() is { } target && at > target)
        {
            ViolatedAt = target;
        }
        End(at, ViolatedAt is null ? MilestoneStatus.Completed : MilestoneStatus.CompletedLate);
        OutcomeFields = fields;
    }

    public void Cancel(Instant at, CaseFields fields)
    {
        Resume(at);
        End(at, MilestoneStatus.Canceled);
        if (ViolatedAt is null)
        {
            OutcomeFields = fields;
        }
    }

    private void End(Instant at, MilestoneStatus status)
    {
        EndedAt = at;
        EndStatus = status;
    }
}
