using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using SlaGrains.Grains.Calendars;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// The definitions a case's engine reads, as one activation loaded them: the entitlement's decision (asked for once,
/// ever, and kept in the case's state), the pinned process version (fetched once) and the calendars it names
/// (re-checked every minute or when told a calendar changed, composed again only when one did), each the versions
/// in force over the case's life (<see cref="CalendarVersions.Compose"/>) as read from <paramref name="events"/>.
/// </summary>
public sealed class CaseDefinitions(IGrainFactory grains, CompiledCalendars compiledCalendars, Func<IReadOnlyList<CaseEvent>> events)
{
    private static readonly Duration CalendarRefresh = Duration.FromMinutes(1);

    private readonly Dictionary<string, Instant> _calendarVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<CalendarVersion>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BusinessCalendar> _calendars = new(StringComparer.Ordinal);
    private Instant? _calendarsCheckedAt;

    private readonly Dictionary<int, ProcessVersion> _movedTo = [];
    private int _eventsSeen;

    public ProcessVersion? Process { get; private set; }

    /// <summary>The versions the case's <c>processMoved</c> events name, loaded once each.</summary>
    public IReadOnlyDictionary<int, ProcessVersion> ProcessVersions => _movedTo;
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars => _calendars;

    /// <summary>Reads the calendars again on the next <see cref="Load"/>: a new version was written.</summary>
    public void RefreshCalendars() => _calendarsCheckedAt = null;

    /// <summary>
    /// The calendars as the case knew them at <paramref name="asOf"/>, without versions recorded later; null when no
    /// such version exists and <see cref="Calendars"/> answer for that instant too.
    /// </summary>
    public IReadOnlyDictionary<string, BusinessCalendar>? CalendarsKnownAt(Instant asOf)
    {
        if (!_versions.Values.Any(v => CalendarVersions.AnyRecordedAfter(v, asOf)))
        {
            return null;
        }
        return _versions.ToDictionary(v => v.Key, v => Compose(v.Value, asOf), StringComparer.Ordinal);
    }

    /// <summary>Brings the definitions up to date; true when any changed, so an engine built on them is stale.</summary>
    public async Task<bool> Load(CaseState state, Instant now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var changed = false;
        if (Process is null && state.ProcessId is { } processId && state.ProcessVersion is { } version)
        {
            Process = await grains.GetGrain<IProcessGrain>(processId).GetVersion(version);
            _calendarsCheckedAt = null;
            changed = true;
        }
        if (Process is null)
        {
            return changed;
        }
        // The log only grows: each event is looked at once, not on every load.
        var log = events();
        var moves = new List<int>();
        for (; _eventsSeen < log.Count; _eventsSeen++)
        {
            if (log[_eventsSeen] is { Type: CaseEventType.ProcessMoved, ProcessVersion: { } moved } && !_movedTo.ContainsKey(moved))
            {
                moves.Add(moved);
            }
        }
        foreach (var moved in moves)
        {
            if (await grains.GetGrain<IProcessGrain>(Process.ProcessId).GetVersion(moved) is { } movedTo)
            {
                _movedTo[movedTo.Version] = movedTo;
                _calendarsCheckedAt = null; // it may name other calendars
                changed = true;
            }
        }
        if (_calendarsCheckedAt is { } checkedAt && now - checkedAt < CalendarRefresh)
        {
            return changed;
        }

        var ids = CaseCalendarIds.Of(_movedTo.Values.Prepend(Process), state.Entitlement?.CalendarId);
        var records = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICalendarGrain>(id).Read()));
        foreach (var record in records.OfType<CalendarRecord>())
        {
            if (!_calendarVersions.TryGetValue(record.CalendarId, out var compiledAt) || compiledAt != record.UpdatedAt)
            {
                var versions = compiledCalendars.Versions(record);
                _versions[record.CalendarId] = versions;
                _calendars[record.CalendarId] = Compose(versions, null);
                _calendarVersions[record.CalendarId] = record.UpdatedAt;
                changed = true;
            }
        }
        _calendarsCheckedAt = now;
        return changed;
    }

    private BusinessCalendar Compose(IReadOnlyList<CalendarVersion> versions, Instant? knownAt) =>
        CalendarVersions.Compose(versions, knownAt, recordedAt => CaseLife.OpenAt(events(), recordedAt));

    /// <summary>An <c>opened</c> event without an entitlement gets the account's best match written into its fields.</summary>
    public async Task<CaseEvent> MatchEntitlement(CaseState state, CaseEvent opened)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(opened);
        var fields = opened.Case!;
        if (fields.AccountId is null)
        {
            state.MatchReason = "The case names no account and no entitlement, so it has no SLA.";
            return opened;
        }
        var match = await grains.GetGrain<IAccountGrain>(fields.AccountId)
            .Match(fields.ContactId, fields.AssetId, opened.OccurredAt.InUtc().Date);
        state.MatchReason = match.Reason;
        return match.EntitlementId is null ? opened
            : CaseEventReplay.Assign(opened with { Case = fields with { EntitlementId = match.EntitlementId } }, CaseEventReplay.AssignedEntitlementId);
    }

    /// <summary>
    /// Asks the entitlement the case's history first names for admission (it counts the case once, ever), records
    /// its decision and pins the process version it grants.
    /// </summary>
    public async Task Admit(CaseState state, string caseId, NamedEntitlement named, Instant now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(named);
        var admission = await grains.GetGrain<IEntitlementGrain>(named.EntitlementId).Admit(caseId, named.OpenedAt.InUtc().Date);
        var decision = CaseEngine.Decide(admission.Decision, named, state.MatchReason);
        state.Entitlement = decision;
        if (decision.Admitted && decision.ProcessId is { } processId && admission.ProcessVersion is { } version)
        {
            state.ProcessId = processId;
            state.ProcessVersion = version;
            Process = null;
            await Load(state, now);
        }
    }
}
