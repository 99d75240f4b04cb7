using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Live;

/// <summary>
/// Where cases send what the outside world hears of them: webhook deliveries and live pushes (<see cref="SlaPublisher"/>;
/// tests record instead). A notice is handed over at least once: implementations deduplicate by <see cref="SlaNotice.DeliveryId"/>.
/// </summary>
public interface ISlaPublisher
{
    /// <summary>
    /// A milestone warned, was violated, completed, or escalated the case: live subscribers hear of it, and webhooks
    /// when <see cref="FiredNotice.ToWebhooks"/>. Throwing makes the case retry later.
    /// </summary>
    Task Notify(FiredNotice fired);

    /// <summary>
    /// The case changed (an event, a deadline, an escalation); <paramref name="version"/> orders the snapshots, and
    /// <paramref name="left"/> names the indexes (<see cref="CaseIndexes"/>) it left with this change.
    /// </summary>
    Task CaseChanged(CaseSnapshot snapshot, long version, IReadOnlyList<string> left);
}
