using NodaTime;
using SlaGrains.Contracts.Live;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Cases;

[GenerateSerializer, Alias("sla.case-state")]
public sealed class CaseState
{
    /// <summary>
    /// Every event in arrival order, including the escalations the case wrote, each as the JSON it was encoded to once
    /// on arrival (<see cref="StoredEvent"/>). The truth the rest derives from. Bytes rather than objects because the
    /// whole state is written on every change: copying encoded events costs a fraction of re-encoding the history.
    /// </summary>
    [Id(10)] public List<byte[]> EventLog { get; set; } = [];

    /// <summary>The log as objects, as states written before <see cref="EventLog"/> held it; moved there on activation.</summary>
    [Id(0)] public List<CaseEvent>? LegacyEvents { get; set; }

    /// <summary>The entitlement's answer when the case first had one; it pins <see cref="ProcessId"/> and <see cref="ProcessVersion"/>.</summary>
    [Id(1)] public EntitlementDecision? Entitlement { get; set; }

    [Id(2)] public string? ProcessId { get; set; }
    [Id(3)] public int? ProcessVersion { get; set; }

    /// <summary>Why matching chose an entitlement, or found none, for a case opened without one.</summary>
    [Id(4)] public string? MatchReason { get; set; }

    /// <summary>Notification ids already fired (SEMANTICS.md §6). Recorded in the same write as the notice enters the outbox.</summary>
    [Id(5)] public HashSet<string> Fired { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Fired notices not yet handed to the publisher; retried until it takes them.</summary>
    [Id(6)] public List<SlaNotice> Outbox { get; set; } = [];

    /// <summary>The reminders registered, by name, with the instant each was set for, so unchanged ones are left alone.</summary>
    [Id(7)] public Dictionary<string, Instant> Reminders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counts stored changes; live clients order snapshots by it.</summary>
    [Id(8)] public long Version { get; set; }

    /// <summary>The queue whose index lists the case, so a queue change or a close removes it there.</summary>
    [Id(9)] public string? IndexedQueue { get; set; }
}
