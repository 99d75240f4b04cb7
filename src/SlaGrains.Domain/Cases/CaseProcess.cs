using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>Which process version a case runs on, and whether it can be moved to another (docs/semantics.md).</summary>
public static class CaseProcess
{
    /// <summary>The event that moves a case from <paramref name="fromVersion"/> to <paramref name="toVersion"/> at <paramref name="now"/>; its id names both and the instant, so a repeated move is a new event.</summary>
    public static CaseEvent Move(int fromVersion, int toVersion, Instant now) => new()
    {
        EventId = $"processMoved/{fromVersion}-{toVersion}/{now.ToUnixTimeTicks()}",
        Type = CaseEventType.ProcessMoved,
        OccurredAt = now,
        ProcessVersion = toVersion,
    };

    /// <summary>Why an open case cannot move from <paramref name="fromVersion"/> to another version of <paramref name="processId"/>; null when it can.</summary>
    public static string? WhyNotMoved(CaseSnapshot snapshot, string processId, int? current, int fromVersion)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Closed)
        {
            return "The case is closed; closed cases keep the version they ran on.";
        }
        if (!string.Equals(snapshot.ProcessId, processId, StringComparison.Ordinal))
        {
            return snapshot.ProcessId is null ? "The case is in no process." : $"The case runs on process '{snapshot.ProcessId}'.";
        }
        return current == fromVersion ? null : $"The case runs on version {current}, not {fromVersion}.";
    }
}
