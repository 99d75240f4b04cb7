using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// The milestone timeline: one pure function from a case's events, entitlement, pinned process version and calendars
/// to its state as of an instant (SEMANTICS.md §3–9) and the notifications it owes. Events are folded in
/// <c>occurredAt</c> order (ties: arrival order); a repeated <c>eventId</c> is ignored; events after
/// <c>asOf</c> are not yet history. A late event simply lands in its place on the next evaluation.
/// </summary>
public static class CaseTimeline
{
    public static CaseEvaluation Evaluate(CaseTimelineInput input, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fold = new Fold(input);
        foreach (var e in InHistoryOrder(input.Events))
        {
            if (e.OccurredAt > asOf)
            {
                break;
            }
            fold.Apply(e);
        }
        return fold.Evaluate(asOf);
    }

    /// <summary>Distinct by event id (first arrival wins), then stable-sorted by occurrence.</summary>
    public static IEnumerable<CaseEvent> InHistoryOrder(IEnumerable<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var seen = new HashSet<string>(events.TryGetNonEnumeratedCount(out var count) ? count : 0, StringComparer.Ordinal);
        return events.Where(e => seen.Add(e.EventId)).OrderBy(e => e.OccurredAt);
    }

    /// <summary>The fold itself: events applied one at a time, in history order. <see cref="CaseFold"/> keeps one alive.</summary>
    internal sealed class Fold
    {

        private readonly CaseTimelineInput _input;
        private readonly List<MilestoneHistory> _tracks = [];
        private CaseFields _fields = new();
        private Instant? _openedAt;
        private bool _closed;
        private Instant? _stoppedSince;
        private bool _entered;
        private bool _exited;
        private Instant? _slaStart;
        private Instant? _slaExit;
        private string? _entitlementReason;

        public Fold(CaseTimelineInput input)
        {
            _input = input;
            if (input.Process is { } process)
            {
                var milestones = process.Definition.Milestones;
                for (var i = 0; i < milestones.Count; i++)
                {
                    var calendarId = milestones[i].CalendarId ?? input.Entitlement?.CalendarId ?? process.Definition.CalendarId;
                    var calendar = calendarId is not null && input.Calendars.TryGetValue(calendarId, out var c) ? c : BusinessCalendar.AlwaysOpen;
                    _tracks.Add(new MilestoneHistory(new MilestoneTrack(i, milestones[i], calendarId, calendar)));
                }
            }
        }

        private Fold(Fold other)
        {
            _input = other._input;
            _tracks.AddRange(other._tracks.Select(t => t.Copy()));
            _fields = other._fields;
            _openedAt = other._openedAt;
            _closed = other._closed;
            _stoppedSince = other._stoppedSince;
            _entered = other._entered;
            _exited = other._exited;
            _slaStart = other._slaStart;
            _slaExit = other._slaExit;
            _entitlementReason = other._entitlementReason;
        }

        /// <summary>An independent copy: evaluating it as of an instant marks violations on the copy only.</summary>
        public Fold Copy() => new(this);

        /// <summary>The case as of <paramref name="asOf"/>, after every event up to it: marks violations on this fold.</summary>
        public CaseEvaluation Evaluate(Instant asOf)
        {
            MarkViolations(asOf, inclusive: true);
            return new CaseEvaluation(Snapshot(asOf), Notifications()) { Fold = this };
        }

        private ProcessDefinition? Process => _input.Process?.Definition;

        public void Apply(CaseEvent e)
        {
            var t = e.OccurredAt;
            MarkViolations(t, inclusive: false);
            ApplyToFields(e);

            var entering = TryEnter();
            if (!_entered)
            {
                return;
            }
            if (e.Type == CaseEventType.Closed && !_exited)
            {
                foreach (var track in _tracks)
                {
                    if (track.Open is not null)
                    {
                        track.CompleteOpen(t);
                    }
                }
                _exited = true;
                _slaExit = t;
                return;
            }
            var reentering = e.Type == CaseEventType.Reopened && _exited;
            if (reentering)
            {
                _exited = false;
                _slaExit = null;
            }
            if (_exited)
            {
                return; // a closed case keeps its fields current, but its milestones have ended
            }

            foreach (var track in _tracks)
            {
                if (track.Open is not null && track.Track.IsCompletedBy(e))
                {
                    track.CompleteOpen(t);
                }
            }

            // Only a completion at the very target instant is on time; anything else at that instant sees the violation.
            MarkViolations(t, inclusive: true);

            foreach (var track in _tracks)
            {
                var matches = track.Track.Matches(_fields);
                if (track.Open is { } open)
                {
                    if (!matches)
                    {
                        track.CancelOpen(t);
                    }
                    else if (track.Track.TimeFor(_fields.Priority) is var time && time != open.Time)
                    {
                        // Recalculated from the original start (Zendesk's rule); a target already passed is violated now.
                        open.ChangeTime(time);
                    }
                }
                if (track.Open is null && matches && Starts(track, e, entering, reentering))
                {
                    Start(track, entering ? _slaStart!.Value : t, track.Track.TimeFor(_fields.Priority));
                }
                track.WasMatching = matches;
            }

            foreach (var open in OpenInstances())
            {
                if (_stoppedSince is not null || open.Track.IsPausedBy(_fields.Status, Process!.PausedStatuses))
                {
                    open.Pause(t);
                }
                else
                {
                    open.Resume(t);
                }
            }
            MarkViolations(t, inclusive: false);
        }

        /// <summary>Every open instance whose target has passed by <paramref name="t"/> is violated at its target.</summary>
        public void MarkViolations(Instant t, bool inclusive)
        {
            foreach (var open in OpenInstances())
            {
                if (open.ViolatedAt is null && open.Target() is { } target && (target < t || (inclusive && target == t)))
                {
                    open.ViolatedAt = target;
                }
            }
        }

        /// <summary>
        /// The snapshot; with <see cref="CaseTimelineInput.InstancesShown"/> set, each milestone shows its open instance
        /// and that many of its latest ended ones, and counts the rest. The case's status still reads every instance.
        /// </summary>
        public CaseSnapshot Snapshot(Instant asOf)
        {
            var shown = _input.InstancesShown;
            var milestones = _tracks
                .SelectMany(track => shown is { } n ? track.Recent(n) : track.Instances)
                .OrderBy(i => i.StartedAt).ThenBy(i => i.Track.Order).ThenBy(i => i.Number)
                .Select(i => SnapshotOf(i, asOf))
                .ToList();
            var omitted = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var track in _tracks)
            {
                if (shown is { } n && track.Count - (track.Open is null ? 0 : 1) - n is > 0 and var left)
                {
                    omitted[track.Track.Key] = left;
                }
            }
            // Only an open instance can be Violated (open and past its target), and open instances are always shown.
            var status =
                milestones.Any(m => m.Status == MilestoneStatus.Violated) ? CaseMilestoneStatus.OpenViolation
                : milestones.Any(m => m.IsViolated) || _tracks.Any(t => t.EndedViolated) ? CaseMilestoneStatus.ClosedViolation
                : CaseMilestoneStatus.Compliant;
            return new CaseSnapshot
            {
                CaseId = _input.CaseId,
                AsOf = asOf,
                Status = _fields.Status,
                Priority = _fields.Priority,
                Queue = _fields.Queue,
                Owner = _fields.Owner,
                Subject = _fields.Subject,
                AccountId = _fields.AccountId,
                OpenedAt = _openedAt,
                Closed = _closed,
                EntitlementId = _fields.EntitlementId,
                EntitlementReason = _entitlementReason,
                ProcessId = _entered ? _input.Process!.ProcessId : null,
                ProcessVersion = _entered ? _input.Process!.Version : null,
                SlaStartAt = _slaStart,
                SlaExitAt = _slaExit,
                IsStopped = _stoppedSince is not null,
                StoppedSince = _stoppedSince,
                MilestoneStatus = status,
                Milestones = milestones,
                OmittedInstances = omitted,
            };
        }

        /// <summary>One instance as of <paramref name="asOf"/>, by id, whether or not the snapshot shows it.</summary>
        public MilestoneSnapshot? Milestone(string id, Instant asOf)
        {
            foreach (var track in _tracks)
            {
                if (id.Length > track.Track.Key.Length && id[track.Track.Key.Length] == '#' && id.StartsWith(track.Track.Key, StringComparison.Ordinal) &&
                    int.TryParse(id.AsSpan(track.Track.Key.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    return track.Page(number, 1).Select(i => SnapshotOf(i, asOf)).FirstOrDefault();
                }
            }
            return null;
        }

        /// <summary>A page of one milestone's instances by number; null when the case has no milestone with that key.</summary>
        public MilestoneInstancePage? Instances(string milestone, int from, int limit, Instant asOf)
        {
            var track = _tracks.FirstOrDefault(t => string.Equals(t.Track.Key, milestone, StringComparison.Ordinal));
            if (track is null)
            {
                return null;
            }
            var instances = track.Page(from, limit).Select(i => SnapshotOf(i, asOf)).ToList();
            return new MilestoneInstancePage
            {
                CaseId = _input.CaseId,
                Milestone = track.Track.Key,
                Name = track.Track.Definition.Name,
                AsOf = asOf,
                Total = track.Count,
                From = from,
                Instances = instances,
                Next = from + instances.Count <= track.Count && instances.Count > 0 ? from + instances.Count : null,
            };
        }

        /// <summary>
        /// What each instance owes: warnings while open and not yet violated, the violation and every violation action
        /// offset while open, the violation of an instance that ended late, and the success of a completed one.
        /// </summary>
        public List<PendingNotification> Notifications()
        {
            var result = new List<PendingNotification>();
            foreach (var track in _tracks)
            {
                var actions = track.Track.Definition.Actions ?? [];
                foreach (var instance in track.Instances)
                {
                    var prefix = $"{_input.CaseId}/{instance.Id}/";
                    if (instance.IsOpen)
                    {
                        if (instance.ViolatedAt is null)
                        {
                            AddWarnings(result, prefix, track.Track, instance, actions);
                        }
                        foreach (var offset in ViolationOffsets(actions))
                        {
                            var due = instance.Calendar.Add(instance.StartedAt, instance.Time + Duration.FromMinutes(offset), instance.Pauses);
                            if (due is { } at)
                            {
                                result.Add(new PendingNotification($"{prefix}violation/{offset}m", instance.Id, NotificationKind.Violation, at,
                                    [.. actions.Where(a => a.When == ActionTrigger.Violation && (a.OffsetMinutes ?? 0) == offset)]));
                            }
                        }
                    }
                    else if (instance.EndStatus != MilestoneStatus.Canceled)
                    {
                        if (instance.ViolatedAt is { } violatedAt)
                        {
                            result.Add(new PendingNotification($"{prefix}violation/0m", instance.Id, NotificationKind.Violation, violatedAt,
                                [.. actions.Where(a => a.When == ActionTrigger.Violation && (a.OffsetMinutes ?? 0) == 0)]));
                        }
                        result.Add(new PendingNotification($"{prefix}success/0m", instance.Id, NotificationKind.Success, instance.EndedAt!.Value,
                            [.. actions.Where(a => a.When == ActionTrigger.Success)],
                            Late: instance.EndStatus == MilestoneStatus.CompletedLate));
                    }
                }
            }
            return result;
        }

        private static void AddWarnings(List<PendingNotification> result, string prefix, MilestoneTrack track, MilestoneInstance instance, IReadOnlyList<ActionDefinition> actions)
        {
            foreach (var warning in track.Definition.Warnings ?? [])
            {
                // A warning is a point on the milestone's own clock, so it never fires while the clock is stopped.
                var (threshold, offset) = warning.BeforeTargetMinutes is { } before
                    ? (instance.Time - Duration.FromMinutes(before), $"{before}m")
                    : (Duration.FromSeconds(instance.Time.BclCompatibleTicks / NodaConstants.TicksPerSecond * warning.AtPercent!.Value / 100), $"{warning.AtPercent}pct");
                if (threshold <= Duration.Zero)
                {
                    continue; // a warning at or before the start would only be noise
                }
                if (instance.Calendar.Add(instance.StartedAt, threshold, instance.Pauses) is { } due)
                {
                    result.Add(new PendingNotification($"{prefix}warning/{offset}", instance.Id, NotificationKind.Warning, due,
                        [.. actions.Where(a => a.When == ActionTrigger.Warning)]));
                }
            }
        }

        private static SortedSet<int> ViolationOffsets(IReadOnlyList<ActionDefinition> actions)
        {
            var offsets = new SortedSet<int> { 0 };
            foreach (var action in actions)
            {
                if (action.When == ActionTrigger.Violation)
                {
                    offsets.Add(action.OffsetMinutes ?? 0);
                }
            }
            return offsets;
        }

        private static MilestoneSnapshot SnapshotOf(MilestoneInstance instance, Instant asOf)
        {
            var calendar = instance.Calendar;
            var end = instance.EndedAt ?? asOf;
            if (end < instance.StartedAt)
            {
                end = instance.StartedAt; // a sequential instance that has not started yet
            }
            var pauses = instance.PausesUntil(end);
            var target = instance.Target() ?? instance.TargetIfResumedAt(end);
            var elapsed = Seconds(calendar.Elapsed(instance.StartedAt, end, pauses));
            var time = Seconds(instance.Time);
            var open = instance.IsOpen;
            var running = open && !instance.IsPaused;
            var status = instance.EndStatus
                ?? (instance.ViolatedAt is not null ? MilestoneStatus.Violated
                    : instance.IsPaused ? MilestoneStatus.Paused
                    : MilestoneStatus.InProgress);
            return new MilestoneSnapshot
            {
                Id = instance.Id,
                Name = instance.Track.Definition.Name,
                Instance = instance.Number,
                Status = status,
                IsViolated = instance.ViolatedAt is not null,
                StartedAt = instance.StartedAt,
                TargetAt = target,
                CompletedAt = instance.EndedAt,
                TargetSeconds = time,
                ElapsedSeconds = elapsed,
                RemainingSeconds = Math.Max(0, time - elapsed),
                OverdueSeconds = Math.Max(0, elapsed - time),
                PausedSeconds = Seconds(calendar.PausedOpenTime(instance.StartedAt, end, pauses)),
                ActualElapsedSeconds = Seconds(end - instance.StartedAt),
                ClockRunning = running && asOf >= instance.StartedAt && calendar.IsOpen(asOf),
                NextClockChangeAt = !running ? null
                    : asOf < instance.StartedAt ? calendar.Add(instance.StartedAt, Duration.Zero)
                    : calendar.NextTransition(asOf),
                CalendarId = instance.Track.CalendarId,
                WarningSeconds = WarningWindow(instance),
            };
        }

        /// <summary>The remaining time at which the instance's first warning fires; live views turn amber there.</summary>
        private static long? WarningWindow(MilestoneInstance instance)
        {
            long? window = null;
            foreach (var warning in instance.Track.Definition.Warnings ?? [])
            {
                var time = Seconds(instance.Time);
                var remaining = warning.BeforeTargetMinutes is { } before ? before * 60L : time - (time * warning.AtPercent!.Value / 100);
                if (remaining > 0 && remaining < time)
                {
                    window = Math.Max(window ?? 0, remaining);
                }
            }
            return window;
        }

        private static long Seconds(Duration duration) => duration.BclCompatibleTicks / NodaConstants.TicksPerSecond;

        private IEnumerable<MilestoneInstance> OpenInstances()
        {
            foreach (var track in _tracks)
            {
                if (track.Open is { } open)
                {
                    yield return open;
                }
            }
        }

        private void ApplyToFields(CaseEvent e)
        {
            switch (e.Type)
            {
                case CaseEventType.Opened when _openedAt is null:
                    // A second 'opened' under another id is a retry by an integration, not a new case: ignored.
                    _fields = e.Case ?? new CaseFields();
                    _openedAt = e.OccurredAt;
                    break;
                case CaseEventType.Updated or CaseEventType.Escalated when e.Changes is not null:
                    _fields = _fields.Apply(e.Changes);
                    break;
                case CaseEventType.Stopped:
                    _stoppedSince ??= e.OccurredAt;
                    break;
                case CaseEventType.Resumed:
                    _stoppedSince = null;
                    break;
                case CaseEventType.Closed:
                    _closed = true;
                    break;
                case CaseEventType.Reopened:
                    _closed = false;
                    break;
                default:
                    break;
            }
        }

        /// <summary>Enters the process at the event that gives the case its admitted entitlement (SEMANTICS.md §3).</summary>
        private bool TryEnter()
        {
            if (_entered || _openedAt is null || _closed || _input.Entitlement is not { } decision || _input.Process is null ||
                !string.Equals(_fields.EntitlementId, decision.EntitlementId, StringComparison.Ordinal))
            {
                return false;
            }
            _entitlementReason = decision.Reason;
            if (!decision.Admitted)
            {
                return false;
            }
            _entered = true;
            _slaStart = SlaStart();
            return true;
        }

        private Instant SlaStart()
        {
            var startsFrom = Process!.StartsFrom;
            if (startsFrom == ProcessDefinition.CaseCreated)
            {
                return _openedAt!.Value;
            }
            if (CaseFields.ReadInstant(_fields.Get(startsFrom)) is { } at)
            {
                if (InstantRange.Contains(at))
                {
                    return at;
                }
                _entitlementReason += $" The SLA start field '{startsFrom}' is outside the supported range ({InstantRange.Description}), so the SLA starts when the case opened.";
                return _openedAt!.Value;
            }
            _entitlementReason += $" The SLA start field '{startsFrom}' is missing or not a timestamp, so the SLA starts when the case opened.";
            return _openedAt!.Value;
        }

        private static bool Starts(MilestoneHistory track, CaseEvent e, bool entering, bool reentering) =>
            track.Track.Definition.Recurrence == Recurrence.None
                ? track.Count == 0
                : entering || reentering || !track.WasMatching || track.Track.IsStartedBy(e);

        private static void Start(MilestoneHistory track, Instant trigger, Duration time)
        {
            var start = trigger;
            if (track.Track.Definition.Recurrence == Recurrence.Sequential && track.Last is { } previous)
            {
                // Finishing early never pulls the next deadline forward; a previous target beyond the supported range
                // leaves nothing to wait for, so the next instance starts at its trigger.
                if ((previous.Target() ?? previous.TargetIfResumedAt(previous.EndedAt ?? trigger)) is { } previousTarget && previousTarget > start)
                {
                    start = previousTarget;
                }
            }
            track.Start(start, time);
        }
    }
}
