using NodaTime;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;

namespace SlaGrains.Domain.Reports;

/// <summary>
/// A case's facts had it run under another process: its events as clients sent them (the escalations the case wrote
/// under its own process are left out), folded under <paramref name="process"/> and settled as of now, so the
/// process's own escalations happen as they would have. Under the case's own process this gives its actual facts.
/// </summary>
public static class WhatIfReplay
{
    public static CaseFacts Facts(CaseReplay replay, ProcessVersion process, IReadOnlyDictionary<string, BusinessCalendar> calendars, Instant now)
    {
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(process);
        var input = new CaseTimelineInput
        {
            CaseId = replay.CaseId,
            Events = [.. replay.Events.Where(e => e.Type != CaseEventType.Escalated)],
            Entitlement = replay.Entitlement is { } decision ? decision with { ProcessId = process.ProcessId } : null,
            MatchReason = replay.MatchReason,
            Process = process,
            Calendars = calendars,
        };
        var settled = new CaseEngine(input).Settle(now, new HashSet<string>(StringComparer.Ordinal));
        // Evaluated again with the escalations among the events, so the fields at each outcome include them.
        var evaluation = new CaseEngine(input with { Events = [.. input.Events, .. settled.Events] }).Evaluate(now);
        return ReportFacts.From(evaluation, 0);
    }
}
