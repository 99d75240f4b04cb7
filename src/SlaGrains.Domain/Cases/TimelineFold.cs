using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// The milestone timeline's state, built by applying a case's events one at a time in history order (docs/semantics.md
/// §3–8): the case's fields, whether it entered the process, and each milestone's instances. What callers read of it
/// (snapshots, notifications, pages) is built by <see cref="TimelineOutput"/>; <see cref="CaseFold"/> keeps one alive.
/// </summary>
internal sealed class TimelineFold
{
    private readonly List<MilestoneHistory> _tracks = [];

    public TimelineFold(CaseTimelineInput input)
    {
        Input = input;
        Version = input.Process;
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

    private TimelineFold(TimelineFold other)
    {
        Input = other.Input;
        Version = other.Version;
        foreach (var track in other._tracks)
        {
            _tracks.Add(track.Copy());
        }
        Fields = other.Fields;
        OpenedAt = other.OpenedAt;
        Closed = other.Closed;
        StoppedSince = other.StoppedSince;
        Entered = other.Entered;
        Exited = other.Exited;
        SlaStart = other.SlaStart;
        SlaExit = other.SlaExit;
        EntitlementReason = other.EntitlementReason;
        NamedEntitlement = other.NamedEntitlement;
        Tasks = other.Tasks;
        Reopened = other.Reopened;
        LastClosedAt = other.LastClosedAt;
        FirstResponseAt = other.FirstResponseAt;
    }

    public CaseTimelineInput Input { get; }

    /// <summary>The process version the case runs on: the pinned one until a <c>processMoved</c> event names another.</summary>
    public ProcessVersion? Version { get; private set; }
    public IReadOnlyList<MilestoneHistory> Tracks => _tracks;
    public CaseFields Fields { get; private set; } = new();
    public Instant? OpenedAt { get; private set; }
    public bool Closed { get; private set; }
    public Instant? StoppedSince { get; private set; }
    public bool Entered { get; private set; }
    public bool Exited { get; private set; }
    public Instant? SlaStart { get; private set; }
    public Instant? SlaExit { get; private set; }
    public string? EntitlementReason { get; private set; }

    /// <summary>The tasks task actions created, in creation order, with their completions (immutable, so copies share it).</summary>
    public System.Collections.Immutable.ImmutableList<CaseTask> Tasks { get; private set; } = [];

    /// <summary>The first entitlement the history names once the case is open, and whether <c>opened</c> named it.</summary>
    public NamedEntitlement? NamedEntitlement { get; private set; }

    /// <summary>How many times the case was reopened; when it was last closed; its first public agent reply.</summary>
    public int Reopened { get; private set; }
    public Instant? LastClosedAt { get; private set; }
    public Instant? FirstResponseAt { get; private set; }

    private ProcessDefinition? Process => Version?.Definition;

    /// <summary>An independent copy: evaluating it as of an instant marks violations on the copy only.</summary>
    public TimelineFold Copy() => new(this);

    public void Apply(CaseEvent e)
    {
        var t = e.OccurredAt;
        MarkViolations(t, inclusive: false);
        var before = Fields; // a target at t passes before this event's changes take effect
        ApplyToFields(e);

        var entering = TryEnter();
        if (!Entered)
        {
            return;
        }
        if (e.Type == CaseEventType.Closed && !Exited)
        {
            foreach (var track in _tracks)
            {
                if (track.Open is not null)
                {
                    track.CompleteOpen(t, Fields);
                }
            }
            Exited = true;
            SlaExit = t;
            return;
        }
        var reentering = e.Type == CaseEventType.Reopened && Exited;
        if (reentering)
        {
            Exited = false;
            SlaExit = null;
        }
        if (Exited)
        {
            return; // a closed case keeps its fields current, but its milestones have ended
        }
        if (e.Type == CaseEventType.ProcessMoved && e.ProcessVersion is { } to && Input.ProcessVersions.TryGetValue(to, out var moved))
        {
            Version = moved;
            var tracks = ProcessMove.Tracks(_tracks, moved, Input, Fields, t);
            _tracks.Clear();
            _tracks.AddRange(tracks);
        }

        foreach (var track in _tracks)
        {
            if (track.Open is not null && track.Track.IsCompletedBy(e))
            {
                track.CompleteOpen(t, Fields);
            }
        }

        // Only a completion at the very target instant is on time; anything else at that instant sees the violation.
        MarkViolations(t, inclusive: true, before);

        foreach (var track in _tracks)
        {
            var matches = track.Track.Matches(Fields);
            if (track.Open is { } open)
            {
                if (!matches)
                {
                    track.CancelOpen(t, Fields);
                }
                else if (track.Track.TimeFor(Fields.Priority) is var time && time != open.Time)
                {
                    // Recalculated from the original start (Zendesk's rule); a target already passed is violated now.
                    open.ChangeTime(time);
                }
            }
            if (track.Open is null && matches && Starts(track, e, entering, reentering))
            {
                Start(track, entering ? SlaStart!.Value : t, track.Track.TimeFor(Fields.Priority));
            }
            track.WasMatching = matches;
        }

        foreach (var track in _tracks)
        {
            if (track.Open is not { } open)
            {
                continue;
            }
            if (StoppedSince is not null || open.Track.IsPausedBy(Fields.Status, Process!.PausedStatuses))
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

    /// <summary>
    /// Every open instance whose target has passed by <paramref name="t"/> is violated at its target, while the case
    /// had <paramref name="fields"/> (by default its current ones).
    /// </summary>
    public void MarkViolations(Instant t, bool inclusive, CaseFields? fields = null)
    {
        foreach (var track in _tracks)
        {
            if (track.Open is { ViolatedAt: null } open && open.Target() is { } target && (target < t || (inclusive && target == t)))
            {
                open.Violate(target, fields ?? Fields);
            }
        }
    }

    /// <summary>Whether <see cref="MarkViolations"/> up to and at <paramref name="t"/> would change anything.</summary>
    public bool HasViolationsToMark(Instant t)
    {
        foreach (var track in _tracks)
        {
            if (track.Open is { ViolatedAt: null } open && open.Target() is { } target && target <= t)
            {
                return true;
            }
        }
        return false;
    }

    private void ApplyToFields(CaseEvent e)
    {
        switch (e.Type)
        {
            case CaseEventType.Opened when OpenedAt is null:
                // A second 'opened' under another id is a retry by an integration, not a new case: ignored.
                Fields = e.Case ?? new CaseFields();
                OpenedAt = e.OccurredAt;
                break;
            case CaseEventType.Updated or CaseEventType.Escalated or CaseEventType.FieldUpdated when e.Changes is not null:
                Fields = Fields.Apply(e.Changes);
                break;
            case CaseEventType.TaskCreated when e.Task is { TaskId: { } id, DueAt: { } due } && Tasks.All(t => t.TaskId != id):
                Tasks = Tasks.Add(new CaseTask { TaskId = id, Subject = e.Task.Subject ?? "", Milestone = e.Task.Milestone, CreatedAt = e.OccurredAt, DueAt = due });
                break;
            case CaseEventType.TaskCompleted when Tasks.FindIndex(t => t.TaskId == e.Task?.TaskId && t.CompletedAt is null) is >= 0 and var index:
                Tasks = Tasks.SetItem(index, Tasks[index] with { CompletedAt = e.OccurredAt }); // the first completion counts
                break;
            case CaseEventType.Stopped:
                StoppedSince ??= e.OccurredAt;
                break;
            case CaseEventType.Resumed:
                StoppedSince = null;
                break;
            case CaseEventType.Closed:
                Closed = true;
                LastClosedAt = e.OccurredAt;
                break;
            case CaseEventType.Reopened:
                Closed = false;
                Reopened++;
                break;
            case CaseEventType.AgentReplied when e.Public != false:
                FirstResponseAt ??= e.OccurredAt;
                break;
            default:
                break;
        }
        if (NamedEntitlement is null && OpenedAt is { } openedAt && Fields.EntitlementId is { } named)
        {
            NamedEntitlement = new NamedEntitlement(named, openedAt, ByOpened: e.Type == CaseEventType.Opened);
        }
    }

    /// <summary>Enters the process at the event that gives the case its admitted entitlement (docs/semantics.md).</summary>
    private bool TryEnter()
    {
        if (Entered || OpenedAt is null || Closed || Input.Entitlement is not { } decision ||
            !string.Equals(Fields.EntitlementId, decision.EntitlementId, StringComparison.Ordinal))
        {
            return false;
        }
        EntitlementReason = decision.Reason; // a refusal loads no process, and still says why
        if (!decision.Admitted || Input.Process is null)
        {
            return false;
        }
        Entered = true;
        SlaStart = StartOfSla();
        return true;
    }

    private Instant StartOfSla()
    {
        var startsFrom = Process!.StartsFrom;
        if (startsFrom == ProcessDefinition.CaseCreated)
        {
            return OpenedAt!.Value;
        }
        if (CaseFields.ReadInstant(Fields.Get(startsFrom)) is { } at)
        {
            if (InstantRange.Contains(at))
            {
                return at;
            }
            EntitlementReason += $" The SLA start field '{startsFrom}' is outside the supported range ({InstantRange.Description}), so the SLA starts when the case opened.";
            return OpenedAt!.Value;
        }
        EntitlementReason += $" The SLA start field '{startsFrom}' is missing or not a timestamp, so the SLA starts when the case opened.";
        return OpenedAt!.Value;
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
