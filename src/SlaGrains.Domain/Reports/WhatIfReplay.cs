using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// A case's facts replayed from its events as clients sent them (the escalations the case wrote are left out), settled
/// as of now, so the process's own escalations happen as they would have: under the case's own process versions
/// (its actual facts) or under a draft that stands in for every version it ran on.
/// </summary>
public static class WhatIfReplay
{
    /// <summary>The case under the versions it ran on: the pinned one, then each it was moved to, when it was moved.</summary>
    public static CaseFacts Actual(CaseReplay replay, IReadOnlyDictionary<string, BusinessCalendar> calendars, Instant now)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var process = replay.Process ?? throw new ArgumentException("The case has entered no process.", nameof(replay));
        return Facts(replay, process, replay.MovedTo, e => e.Type != CaseEventType.Escalated, calendars, now);
    }

    /// <summary>
    /// The case had <paramref name="draft"/> governed it from its start: moves between versions of its process are
    /// left out, as the draft takes the place of all of them.
    /// </summary>
    public static CaseFacts Draft(CaseReplay replay, ProcessVersion draft, IReadOnlyDictionary<string, BusinessCalendar> calendars, Instant now)
    {
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(draft);
        return Facts(replay, draft, new Dictionary<int, ProcessVersion>(), e => e.Type is not (CaseEventType.Escalated or CaseEventType.ProcessMoved),
            calendars, now);
    }

    private static CaseFacts Facts(CaseReplay replay, ProcessVersion process, IReadOnlyDictionary<int, ProcessVersion> versions, Func<CaseEvent, bool> replayed,
        IReadOnlyDictionary<string, BusinessCalendar> calendars, Instant now)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        var input = new CaseTimelineInput
        {
            CaseId = replay.CaseId,
            Events = [.. replay.Events.Where(replayed)],
            Entitlement = replay.Entitlement is { } decision ? decision with { ProcessId = process.ProcessId } : null,
            MatchReason = replay.MatchReason,
            Process = process,
            ProcessVersions = versions,
            Calendars = calendars,
        };
        var settled = new CaseEngine(input).Settle(now, new HashSet<string>(StringComparer.Ordinal));
        // Evaluated again with the escalations among the events, so the fields at each outcome include them.
        var evaluation = new CaseEngine(input with { Events = [.. input.Events, .. settled.Events] }).Evaluate(now);
        return ReportFacts.From(evaluation, 0);
    }
}
