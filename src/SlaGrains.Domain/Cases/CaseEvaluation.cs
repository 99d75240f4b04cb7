namespace SlaGrains.Domain.Cases;

/// <summary>The timeline's result: the snapshot and every notification the case's open and completed instances owe.</summary>
public sealed record CaseEvaluation(CaseSnapshot Snapshot, IReadOnlyList<PendingNotification> Notifications)
{
    /// <summary>The instant of the earliest notification not in <paramref name="fired"/>, if any.</summary>
    public NodaTime.Instant? NextDue(IReadOnlySet<string> fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        NodaTime.Instant? next = null;
        foreach (var notification in Notifications)
        {
            if (!fired.Contains(notification.Id) && (next is null || notification.DueAt < next))
            {
                next = notification.DueAt;
            }
        }
        return next;
    }
}
