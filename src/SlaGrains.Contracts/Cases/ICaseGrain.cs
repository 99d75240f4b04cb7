using NodaTime;
using SlaGrains.Domain.Cases;

namespace SlaGrains.Contracts.Cases;

/// <summary>One support case, keyed by its case id: its event history, its entitlement and its milestones.</summary>
[Alias("sla.case")]
public interface ICaseGrain : IGrainWithStringKey
{
    /// <summary>Applies one event durably (idempotent by event id) and returns the snapshot as of now.</summary>
    /// <remarks>The event is an immutable record: a local call hands it over as is instead of deep-copying it through JSON.</remarks>
    [Alias("apply")]
    Task<CaseWriteResult> Apply([Immutable] CaseEvent e);

    /// <summary>
    /// Reads the case's calendars again now (a new version of <paramref name="calendarId"/> was written) and, when the
    /// case is open and counts time by that calendar, settles it: its targets from the version's effective instant on
    /// follow the new hours. False for a closed case, one never opened, or one not using the calendar.
    /// </summary>
    [Alias("refresh-calendar")]
    Task<bool> RefreshCalendar(string calendarId);

    /// <summary>
    /// Moves an open case of <paramref name="processId"/> running on <paramref name="fromVersion"/> to
    /// <paramref name="toVersion"/>: a <c>processMoved</c> event in its history, so its past never changes
    /// (docs/semantics.md, "Moving cases to a process version").
    /// </summary>
    [Alias("move-process")]
    Task<CaseMoveResult> MoveProcess(string processId, int fromVersion, int toVersion);

    /// <summary>The snapshot as of <paramref name="asOf"/> (now when null); null for a case that was never opened.</summary>
    [Alias("snapshot")]
    Task<CaseSnapshot?> GetSnapshot(Instant? asOf);

    /// <summary>
    /// For live views: the snapshot now with its version, null for a case never opened. The case stays active for the
    /// next half hour, pushing its clock transitions (a calendar opening or closing) as they happen.
    /// </summary>
    [Alias("watch")]
    Task<SlaGrains.Contracts.Live.CaseChange?> Watch();

    /// <summary>The case's events in history order, including escalations the case wrote itself.</summary>
    [Alias("history")]
    Task<IReadOnlyList<CaseEvent>> GetHistory();

    /// <summary>What a what-if report replays the case from (its events, entitlement, pinned process); null for a case never opened.</summary>
    [Alias("replay")]
    Task<SlaGrains.Domain.Reports.CaseReplay?> GetReplay();

    /// <summary>
    /// Up to <paramref name="limit"/> instances of one milestone (by key, <c>next-response</c>) from instance number
    /// <paramref name="from"/> on, as of <paramref name="asOf"/> (now when null); null for a case never opened or a
    /// milestone the case does not have.
    /// </summary>
    [Alias("instances")]
    Task<MilestoneInstancePage?> GetInstances(string milestone, int from, int limit, Instant? asOf);
}
