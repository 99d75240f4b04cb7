namespace SlaGrains.Domain.Cases;

/// <summary>The timeline's result: the snapshot and every notification the case's open and completed instances owe.</summary>
public sealed record CaseEvaluation(CaseSnapshot Snapshot, IReadOnlyList<PendingNotification> Notifications)
{
    /// <summary>The evaluated fold, kept to answer for instances the snapshot leaves out.</summary>
    internal TimelineFold? Fold { get; init; }

    /// <summary>
    /// The instance <paramref name="id"/> (<c>first-response#3</c>) as of the snapshot's instant, whether or not the
    /// snapshot lists it; null when the case has no such instance.
    /// </summary>
    public MilestoneSnapshot? Milestone(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Snapshot.Milestones.FirstOrDefault(m => m.Id == id) ?? (Fold is null ? null : TimelineOutput.Milestone(Fold, id, Snapshot.AsOf));
    }

    /// <summary>
    /// Up to <paramref name="limit"/> instances of the milestone with key <paramref name="milestone"/>, from instance
    /// number <paramref name="from"/> on, as of the snapshot's instant; null when the case has no such milestone.
    /// </summary>
    public MilestoneInstancePage? Instances(string milestone, int from, int limit)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Fold is null ? null : TimelineOutput.Instances(Fold, milestone, from, limit, Snapshot.AsOf);
    }
}
