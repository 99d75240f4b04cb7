using NodaTime;

namespace SlaGrains.Contracts.Queues;

/// <summary>A place in <see cref="QueueBuckets.SoonestFirst"/> order: a page starts after it.</summary>
[GenerateSerializer, Immutable, Alias("sla.queue-position")]
public sealed record QueuePosition([property: Id(0)] Instant? DeadlineAt, [property: Id(1)] string CaseId)
{
    public static QueuePosition Of(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.DeadlineAt, entry.CaseId);
    }

    /// <summary>Whether <paramref name="entry"/> comes after this position in soonest-first order.</summary>
    public bool Precedes(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // As SoonestFirst orders: cases with a deadline before those without, then by deadline, then by id.
        var byPresence = (DeadlineAt is null).CompareTo(entry.DeadlineAt is null);
        if (byPresence != 0)
        {
            return byPresence < 0;
        }
        if (DeadlineAt != entry.DeadlineAt)
        {
            return DeadlineAt < entry.DeadlineAt;
        }
        return string.CompareOrdinal(CaseId, entry.CaseId) < 0;
    }
}
