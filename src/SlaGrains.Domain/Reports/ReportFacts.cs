using SlaGrains.Domain.Cases;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// The facts reports keep of a case, from its evaluation: one per milestone instance (every instance, also those the
/// snapshot leaves out) and one for the case. Pure: the same evaluation and version give the same facts. The fields
/// an outcome is counted under are the case's when it happened, as the fold saw them (<see cref="MilestoneInstance.OutcomeFields"/>).
/// </summary>
public static class ReportFacts
{
    public static CaseFacts From(CaseEvaluation evaluation, long caseVersion)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var fold = evaluation.Fold ?? throw new ArgumentException("The evaluation must come from a case's fold.", nameof(evaluation));
        var snapshot = evaluation.Snapshot;
        var asOf = snapshot.AsOf;
        var milestones = new List<MilestoneFact>();
        if (fold.Entered)
        {
            foreach (var track in fold.Tracks)
            {
                foreach (var instance in track.Instances)
                {
                    var m = TimelineOutput.SnapshotOf(instance, asOf);
                    var status = StatusOf(instance.EndStatus, instance.ViolatedAt is not null);
                    var fields = instance.OutcomeFields ?? fold.Fields; // an open instance on time: the fields now
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
        var current = fold.Fields;
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
            ClosedAt = snapshot.Closed ? fold.LastClosedAt : null,
            ReopenedCount = fold.Reopened,
            FirstResponseAt = fold.FirstResponseAt,
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
}
