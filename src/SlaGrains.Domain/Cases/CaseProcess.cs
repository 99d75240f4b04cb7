namespace SlaGrains.Domain.Cases;

/// <summary>Which process version a case runs on, and whether it can be moved to another (docs/semantics.md).</summary>
public static class CaseProcess
{
    /// <summary>The version the case runs on now: the one its last move names, else the one its entitlement pinned.</summary>
    public static int? CurrentVersion(IEnumerable<CaseEvent> events, int? pinned)
    {
        ArgumentNullException.ThrowIfNull(events);
        var current = pinned;
        foreach (var e in CaseTimeline.InHistoryOrder(events))
        {
            if (e.Type == CaseEventType.ProcessMoved && e.ProcessVersion is { } version)
            {
                current = version;
            }
        }
        return current;
    }

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
