using NodaTime;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// What callers read of a <see cref="TimelineFold"/> as of an instant: the snapshot, single instances and pages of
/// them, and the notifications each instance owes (docs/semantics.md). Reads the fold, never changes it.
/// </summary>
internal static class TimelineOutput
{
    /// <summary>
    /// The snapshot; with <see cref="CaseTimelineInput.InstancesShown"/> set, each milestone shows its open instance
    /// and that many of its latest ended ones, and counts the rest. The case's status still reads every instance.
    /// </summary>
    public static CaseSnapshot Snapshot(TimelineFold fold, Instant asOf)
    {
        var shown = fold.Input.InstancesShown;
        var milestones = fold.Tracks
            .SelectMany(track => shown is { } n ? track.Recent(n) : track.Instances)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Track.Order).ThenBy(i => i.Number)
            .Select(i => SnapshotOf(i, asOf))
            .ToList();
        var omitted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var track in fold.Tracks)
        {
            if (shown is { } n && track.Count - (track.Open is null ? 0 : 1) - n is > 0 and var left)
            {
                omitted[track.Track.Key] = left;
            }
        }
        // Only an open instance can be Violated (open and past its target), and open instances are always shown.
        var status =
            milestones.Any(m => m.Status == MilestoneStatus.Violated) ? CaseMilestoneStatus.OpenViolation
            : milestones.Any(m => m.IsViolated) || fold.Tracks.Any(t => t.EndedViolated) ? CaseMilestoneStatus.ClosedViolation
            : CaseMilestoneStatus.Compliant;
        return new CaseSnapshot
        {
            CaseId = fold.Input.CaseId,
            AsOf = asOf,
            Status = fold.Fields.Status,
            Priority = fold.Fields.Priority,
            Queue = fold.Fields.Queue,
            Owner = fold.Fields.Owner,
            Subject = fold.Fields.Subject,
            AccountId = fold.Fields.AccountId,
            OpenedAt = fold.OpenedAt,
            Closed = fold.Closed,
            EntitlementId = fold.Fields.EntitlementId,
            EntitlementReason = fold.EntitlementReason ?? fold.Input.MatchReason,
            ProcessId = fold.Entered ? fold.Version!.ProcessId : null,
            ProcessVersion = fold.Entered ? fold.Version!.Version : null,
            SlaStartAt = fold.SlaStart,
            SlaExitAt = fold.SlaExit,
            IsStopped = fold.StoppedSince is not null,
            StoppedSince = fold.StoppedSince,
            MilestoneStatus = status,
            Milestones = milestones,
            OmittedInstances = omitted,
            Tasks = fold.Tasks.IsEmpty ? [] : [.. fold.Tasks.Select(t => t.CompletedAt is null && asOf > t.DueAt ? t with { Overdue = true } : t)],
        };
    }

    /// <summary>One instance as of <paramref name="asOf"/>, by id, whether or not the snapshot shows it.</summary>
    public static MilestoneSnapshot? Milestone(TimelineFold fold, string id, Instant asOf)
    {
        foreach (var track in fold.Tracks)
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
    public static MilestoneInstancePage? Instances(TimelineFold fold, string milestone, int from, int limit, Instant asOf)
    {
        var track = fold.Tracks.FirstOrDefault(t => string.Equals(t.Track.Key, milestone, StringComparison.Ordinal));
        if (track is null)
        {
            return null;
        }
        var instances = track.Page(from, limit).Select(i => SnapshotOf(i, asOf)).ToList();
        return new MilestoneInstancePage
        {
            CaseId = fold.Input.CaseId,
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
    public static List<PendingNotification> Notifications(TimelineFold fold)
    {
        var result = new List<PendingNotification>();
        foreach (var track in fold.Tracks)
        {
            var actions = track.Track.Actions;
            foreach (var instance in track.Instances)
            {
                var prefix = $"{fold.Input.CaseId}/{instance.Id}/";
                if (instance.IsOpen)
                {
                    if (instance.ViolatedAt is null)
                    {
                        AddWarnings(result, prefix, track.Track, instance);
                    }
                    foreach (var (offset, offsetActions) in actions.Violation)
                    {
                        var due = instance.Calendar.Add(instance.StartedAt, instance.Time + Duration.FromMinutes(offset), instance.Pauses);
                        if (due is { } at)
                        {
                            result.Add(new PendingNotification($"{prefix}violation/{offset}m", instance.Id, NotificationKind.Violation, at, offsetActions));
                        }
                    }
                }
                else if (instance.EndStatus != MilestoneStatus.Canceled)
                {
                    if (instance.ViolatedAt is { } violatedAt)
                    {
                        result.Add(new PendingNotification($"{prefix}violation/0m", instance.Id, NotificationKind.Violation, violatedAt, actions.Violation[0].Actions));
                    }
                    result.Add(new PendingNotification($"{prefix}success/0m", instance.Id, NotificationKind.Success, instance.EndedAt!.Value,
                        actions.Success, Late: instance.EndStatus == MilestoneStatus.CompletedLate));
                }
            }
        }
        return result;
    }

    private static void AddWarnings(List<PendingNotification> result, string prefix, MilestoneTrack track, MilestoneInstance instance)
    {
        foreach (var warning in track.Definition.Warnings ?? [])
        {
            // A warning is a point on the milestone's own clock, so it never fires while the clock is stopped.
            var threshold = warning.BeforeTargetMinutes is { } before
                ? instance.Time - Duration.FromMinutes(before)
                : Duration.FromSeconds(instance.Time.BclCompatibleTicks / NodaConstants.TicksPerSecond * warning.AtPercent!.Value / 100);
            var offset = WarningDefinition.KeyOf(warning);
            if (threshold <= Duration.Zero)
            {
                continue; // a warning at or before the start would only be noise
            }
            if (instance.Calendar.Add(instance.StartedAt, threshold, instance.Pauses) is { } due)
            {
                result.Add(new PendingNotification($"{prefix}warning/{offset}", instance.Id, NotificationKind.Warning, due, track.Actions.ForWarning(offset)));
            }
        }
    }

    internal static MilestoneSnapshot SnapshotOf(MilestoneInstance instance, Instant asOf)
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
}
