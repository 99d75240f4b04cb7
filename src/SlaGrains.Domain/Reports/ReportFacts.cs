using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// The facts reports keep of a case, from its evaluation: one per milestone instance (every instance, also those the
/// snapshot leaves out) and one for the case. Pure: the same evaluation and version give the same facts.
/// </summary>
public static class ReportFacts
{
    public static CaseFacts From(CaseEvaluation evaluation, long caseVersion)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var fold = evaluation.Fold ?? throw new ArgumentException("The evaluation must come from a case's fold.", nameof(evaluation));
        var snapshot = evaluation.Snapshot;
        var asOf = snapshot.AsOf;
        var history = FieldHistory.Of(fold.Input.Events, asOf);
        var milestones = new List<MilestoneFact>();
        if (fold.Entered)
        {
            foreach (var track in fold.Tracks)
            {
                foreach (var instance in track.Instances)
                {
                    var m = TimelineOutput.SnapshotOf(instance, asOf);
                    var status = StatusOf(instance.EndStatus, instance.ViolatedAt is not null);
                    // The outcome is the breach for a violated instance, even one canceled later; else its end, or now.
                    var fields = history.At((status == MilestoneFactStatus.Violated ? instance.ViolatedAt : instance.EndedAt) ?? asOf);
                    milestones.Add(new MilestoneFact
                    {
                        CaseId = snapshot.CaseId,
                        MilestoneId = m.Id,
                        Milestone = m.Name,
                        Instance = m.Instance,
                        ProcessId = snapshot.ProcessId!,
                        ProcessVersion = snapshot.ProcessVersion!.Value,
                        EntitlementId = fields.EntitlementId ?? snapshot.EntitlementId,
                        AccountId = fields.AccountId,
                        Queue = fields.Queue,
                        Priority = fields.Priority,
                        Owner = fields.Owner,
                        CalendarId = m.CalendarId,
                        Status = status,
                        StartedAt = m.StartedAt,
                        TargetAt = m.TargetAt,
                        CompletedAt = m.CompletedAt,
                        ViolatedAt = instance.ViolatedAt,
                        SecondsToComplete = status is MilestoneFactStatus.Met or MilestoneFactStatus.MetLate ? m.ElapsedSeconds : null,
                        PausedSeconds = m.PausedSeconds,
                        OverdueSeconds = status is MilestoneFactStatus.MetLate or MilestoneFactStatus.Violated ? m.OverdueSeconds : 0,
                        CaseVersion = caseVersion,
                    });
                }
            }
        }
        var current = history.At(asOf);
        var caseFact = new CaseFact
        {
            CaseId = snapshot.CaseId,
            ProcessId = snapshot.ProcessId,
            ProcessVersion = snapshot.ProcessVersion,
            EntitlementId = snapshot.EntitlementId,
            AccountId = current.AccountId,
            Queue = current.Queue,
            Priority = current.Priority,
            Owner = current.Owner,
            OpenedAt = snapshot.OpenedAt,
            ClosedAt = snapshot.Closed ? history.LastClosedAt : null,
            ReopenedCount = history.Reopened,
            FirstResponseAt = history.FirstResponseAt,
            CaseVersion = caseVersion,
        };
        return new CaseFacts(caseFact, milestones);
    }

    /// <summary>
    /// An instance canceled after it passed its target stays violated: a breach is never undone by the criteria
    /// changing afterwards (Zendesk's "breached" and Salesforce's violated milestones stay so).
    /// </summary>
    public static MilestoneFactStatus StatusOf(MilestoneStatus? endStatus, bool violated) => endStatus switch
    {
        MilestoneStatus.Completed => MilestoneFactStatus.Met,
        MilestoneStatus.CompletedLate => MilestoneFactStatus.MetLate,
        _ when violated => MilestoneFactStatus.Violated,
        MilestoneStatus.Canceled => MilestoneFactStatus.Canceled,
        _ => MilestoneFactStatus.Open,
    };

    /// <summary>The case's fields after each instant of its history, as the timeline folds them, with the case-level counts.</summary>
    private sealed class FieldHistory
    {
        private readonly List<(Instant At, CaseFields Fields)> _changes = [];

        public int Reopened { get; private set; }
        public Instant? LastClosedAt { get; private set; }
        public Instant? FirstResponseAt { get; private set; }

        public static FieldHistory Of(IEnumerable<CaseEvent> events, Instant asOf)
        {
            var history = new FieldHistory();
            CaseFields? fields = null;
            foreach (var e in CaseTimeline.InHistoryOrder(events))
            {
                if (e.OccurredAt > asOf)
                {
                    break;
                }
                switch (e.Type)
                {
                    case CaseEventType.Opened when fields is null:
                        fields = e.Case ?? new CaseFields();
                        break;
                    case CaseEventType.Updated or CaseEventType.Escalated when fields is not null && e.Changes is not null:
                        fields = fields.Apply(e.Changes);
                        break;
                    case CaseEventType.Closed:
                        history.LastClosedAt = e.OccurredAt;
                        break;
                    case CaseEventType.Reopened:
                        history.Reopened++;
                        break;
                    case CaseEventType.AgentReplied when e.Public != false:
                        history.FirstResponseAt ??= e.OccurredAt;
                        break;
                    default:
                        break;
                }
                if (fields is not null)
                {
                    history._changes.Add((e.OccurredAt, fields));
                }
            }
            return history;
        }

        /// <summary>The fields after every event at or before <paramref name="at"/>.</summary>
        public CaseFields At(Instant at)
        {
            for (var i = _changes.Count - 1; i >= 0; i--)
            {
                if (_changes[i].At <= at)
                {
                    return _changes[i].Fields;
                }
            }
            return _changes.Count > 0 ? _changes[0].Fields : new CaseFields();
        }
    }
}
