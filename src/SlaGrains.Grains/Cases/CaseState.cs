using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Grains.Cases;

[GenerateSerializer, Alias("sla.case-state")]
public sealed class CaseState
{
    /// <summary>
    /// The events since the log was last sealed, in arrival order, including the escalations the case wrote, as JSON
    /// Lines (<see cref="CaseEventLog"/>): each event encoded once, on arrival. With the sealed events before them
    /// (<see cref="CaseLogState"/>) they are the truth the rest derives from. The whole state is written on every
    /// change, so it carries one block of bytes, and only the recent ones.
    /// </summary>
    [Id(11)] public ReadOnlyMemory<byte> Log { get; set; }

    /// <summary>How many events, from the first, the sealed log holds; those are not in <see cref="Log"/>.</summary>
    [Id(12)] public int SealedEvents { get; set; }

    /// <summary>How many of those events each run of the sealed log holds, in order (<see cref="CaseLogState"/>, one record per run).</summary>
    [Id(13)] public List<int> SealedRuns { get; set; } = [];

    /// <summary>The entitlement's answer when the case first had one; it pins <see cref="ProcessId"/> and <see cref="ProcessVersion"/>.</summary>
    [Id(1)] public EntitlementDecision? Entitlement { get; set; }

    [Id(2)] public string? ProcessId { get; set; }
    [Id(3)] public int? ProcessVersion { get; set; }

    /// <summary>Why matching chose an entitlement, or found none, for a case opened without one.</summary>
    [Id(4)] public string? MatchReason { get; set; }

    /// <summary>Notification ids already fired (docs/semantics.md). Recorded in the same write as the notice enters the outbox.</summary>
    [Id(5)] public HashSet<string> Fired { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Fired notices, with where they go, not yet handed to the publisher; retried until it takes them.</summary>
    [Id(6)] public List<FiredNotice> Outbox { get; set; } = [];

    /// <summary>The reminders registered, by name, with the instant each was set for, so unchanged ones are left alone.</summary>
    [Id(7)] public Dictionary<string, Instant> Reminders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counts stored changes; live clients order snapshots by it.</summary>
    [Id(8)] public long Version { get; set; }

    /// <summary>The indexes that list the case (<see cref="CaseIndexes"/>), so a queue or owner change or a close removes it there.</summary>
    [Id(14)] public List<string> Indexed { get; set; } = [];

    /// <summary>The last version whose report facts the store acknowledged; below <see cref="Version"/>, facts are owed (CaseReports).</summary>
    [Id(22)] public long ReportedVersion { get; set; }
}
