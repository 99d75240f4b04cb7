using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Orleans.Placement;
using Orleans.Storage;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Live;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Reports;
using SlaGrains.Domain.Validation;
using SlaGrains.Grains.Calendars;
using SlaGrains.Grains.Live;
using SlaGrains.Grains.Telemetry;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// One case, as Orleans hosts it: its event log (<see cref="CaseEventLog"/>) is the truth and its engine (<see
/// cref="CaseEngine"/>) says what that means; the grain loads definitions, orders the I/O and fans out. Deadlines are
/// durable reminders (<see cref="CaseReminders"/>), one per milestone instance with something still to fire; notices
/// wait in the stored outbox (<see cref="CaseOutbox"/>) until handed over. Whatever wakes the case (an event, a tick, a duplicate tick
/// after failover), it fires exactly the notifications that are due and not yet recorded as fired, recording them in
/// the same write that queues their notices.
/// </summary>
[GrainType("case"), PreferLocalPlacement] // the silo that receives a case's first event hosts it: one hop fewer
public sealed partial class CaseGrain(
    [FromKeyedServices(StorageNames.Sla)] IGrainStorage storage,
    TimeProvider clock,
    CompiledCalendars compiledCalendars,
    ISlaPublisher publisher,
    IReportStore reportStore,
    Limits limits,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain, IRemindable
{
    private const string CaseStateName = "case";
    private static readonly TimeSpan WatchFor = TimeSpan.FromMinutes(30);

    // Read and written through the provider itself rather than IPersistentState, whose bridge yields to the scheduler
    // before every write and so makes each event's whole call chain asynchronous. The grain is not reentrant, so
    // writes never overlap.
    private readonly GrainState<CaseState> _state = new(new CaseState());
    private CaseEventLog _log = null!; // these are set on activation
    private CaseDefinitions _definitions = null!;
    private CaseQueueIndex _queueIndex = null!;
    private CaseReports _reports = null!;
    private CaseReminders _reminders = null!;
    private CaseOutbox _outbox = null!;
    private CaseEngine? _engine; // kept until the definitions it read change
    private CaseLiveView _live = null!;

    private CaseState State => _state.State!; // never null: read or not, it holds a state
    private string CaseId => this.GetPrimaryKeyString();
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());
    private bool Exists => _log.Events.Count > 0;

    /// <summary>The engine over the whole log with the definitions as loaded; built again only when they change.</summary>
    private CaseEngine Engine => _engine ??= new CaseEngine(new CaseTimelineInput
    {
        CaseId = CaseId,
        Events = _log.Events,
        Entitlement = State.Entitlement,
        MatchReason = State.MatchReason,
        Process = _definitions.Process,
        Calendars = _definitions.Calendars,
        ProcessVersions = _definitions.ProcessVersions,
        InstancesShown = limits.SnapshotInstances,
    });

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await storage.ReadStateAsync(CaseStateName, this.GetGrainId(), _state);
        _state.State ??= new CaseState();
        _log = await CaseEventLog.Load(storage, this.GetGrainId(), State);
        _definitions = new CaseDefinitions(GrainFactory, compiledCalendars, () => _log.Events);
        _queueIndex = new CaseQueueIndex(GrainFactory, CaseId);
        _reports = new CaseReports(reportStore, CaseId, logger);
        _reminders = new CaseReminders(this, State);
        _outbox = new CaseOutbox(publisher, State, _reminders, WriteState, logger);
        _live = new CaseLiveView(this, publisher, clock, async () => (await Evaluate(null))!.Snapshot, () => State.Version, CaseId, logger);
        await _reports.WriteIfPending(State, () => Evaluate(null));
        if (!_outbox.Empty)
        {
            await _outbox.Deliver(Now);
        }
    }

    public async Task<CaseWriteResult> Apply(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (await Refusal(e) is { } refused)
        {
            return refused;
        }
        try
        {
            if (e.Type == CaseEventType.Opened && !Exists && e.Case!.EntitlementId is null)
            {
                e = await _definitions.MatchEntitlement(State, e);
                _engine = null; // its snapshots carry the match's reason
            }
            _log.Append(e);
            _engine?.Append(e);
            if (State.Entitlement is null && Engine.NamedEntitlement is { } named)
            {
                await _definitions.Admit(State, CaseId, named, Now);
                _engine = null;
            }
            var snapshot = await Settle(Now);
            SlaMetrics.EventsApplied.Add(1);
            return new CaseWriteResult { Outcome = CaseWriteOutcome.Applied, Snapshot = snapshot, Version = State.Version };
        }
        catch
        {
            // Memory now holds an event storage may not: drop the activation so the next call starts from what is stored.
            DeactivateOnIdle();
            throw;
        }
    }

    public async Task<bool> RefreshCalendar(string calendarId)
    {
        _definitions.RefreshCalendars();
        if (await Evaluate(null) is not { Snapshot.Closed: false } || !_definitions.Calendars.ContainsKey(calendarId))
        {
            return false;
        }
        await Settle(Now); // moves the reminders and the indexes to the new targets
        return true;
    }

    public async Task<CaseMoveResult> MoveProcess(string processId, int fromVersion, int toVersion)
    {
        if (await Evaluate(null) is not { } evaluation)
        {
            return new CaseMoveResult(Moved: false, InProcess: false);
        }
        if (evaluation.Snapshot.ProcessId != processId)
        {
            return new CaseMoveResult(Moved: false, InProcess: false);
        }
        if (CaseProcess.WhyNotMoved(evaluation.Snapshot, processId, Engine.ProcessVersion?.Version, fromVersion) is { } why)
        {
            return new CaseMoveResult(Moved: false, InProcess: true, why);
        }
        try
        {
            var now = Now;
            _log.Append(CaseProcess.Move(fromVersion, toVersion, now));
            await LoadDefinitions(); // loads the version moved to, so the engine is built again with it
            _engine = null;
            await Settle(now);
            return new CaseMoveResult(Moved: true, InProcess: true);
        }
        catch
        {
            DeactivateOnIdle(); // memory now holds an event storage may not
            throw;
        }
    }

    public async Task<CaseSnapshot?> GetSnapshot(Instant? asOf) => (await Evaluate(asOf))?.Snapshot;

    public async Task<MilestoneInstancePage?> GetInstances(string milestone, int from, int limit, Instant? asOf) =>
        (await Evaluate(asOf))?.Instances(milestone, from, limit);

    public async Task<CaseChange?> Watch()
    {
        if (await Evaluate(null) is not { Snapshot: var snapshot })
        {
            return null;
        }
        DelayDeactivation(WatchFor);
        _live.ArmClockTransition(snapshot);
        return new CaseChange(snapshot, State.Version);
    }

    public Task<IReadOnlyList<CaseEvent>> GetHistory() =>
        Task.FromResult<IReadOnlyList<CaseEvent>>([.. CaseTimeline.InHistoryOrder(_log.Events)]);

    public async Task<CaseReplay?> GetReplay()
    {
        if (!Exists)
        {
            return null;
        }
        await LoadDefinitions(); // the replay evaluates the case itself: only the definitions are needed here
        return new CaseReplay(CaseId, [.. _log.Events], State.Entitlement, State.MatchReason, _definitions.Process)
            { MovedTo = _definitions.ProcessVersions.ToDictionary() };
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CaseReminders.Outbox)
        {
            await _reports.WriteIfPending(State, () => Evaluate(null));
            await _outbox.Deliver(Now, clearIdleReminder: true);
            return;
        }
        if (!Exists)
        {
            await _reminders.Unregister(reminderName);
            return;
        }
        try
        {
            // Forget what this reminder was set for: whatever is still owed gets registered afresh, even if the tick came early.
            _reminders.Forget(reminderName);
            await LoadDefinitions();
            await Settle(Now);
            if (!_reminders.IsSet(reminderName))
            {
                await _reminders.Unregister(reminderName);
            }
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Why the case does not apply <paramref name="e"/> (a resend is answered as a replay); null when it does.</summary>
    private async Task<CaseWriteResult?> Refusal(CaseEvent e)
    {
        await LoadDefinitions();
        var verdict = CaseIntake.Check(e, Engine, _log.Find(e.EventId), _log.CustomFieldNames, Now, limits);
        return verdict.Outcome switch
        {
            CaseIntakeOutcome.Accept => null,
            CaseIntakeOutcome.Replay => new CaseWriteResult { Outcome = CaseWriteOutcome.Replayed, Snapshot = (await Evaluate(null))!.Snapshot, Version = State.Version },
            CaseIntakeOutcome.NotFound => new CaseWriteResult { Outcome = CaseWriteOutcome.NotFound },
            CaseIntakeOutcome.Conflict => new CaseWriteResult { Outcome = CaseWriteOutcome.Conflict, Errors = verdict.Errors!.ToDictionary() },
            _ => new CaseWriteResult { Outcome = CaseWriteOutcome.Invalid, Errors = verdict.Errors!.ToDictionary() },
        };
    }

    /// <summary>
    /// Brings the case up to <paramref name="now"/> and stores it: records what fired, its notices and the events it
    /// caused, points the reminders at what is owed next, then hands notices to the publisher and tells the queue
    /// index and live clients.
    /// </summary>
    private async Task<CaseSnapshot> Settle(Instant now)
    {
        var settled = Engine.Settle(now, State.Fired);
        _outbox.Record(settled, now);
        foreach (var escalation in settled.Events)
        {
            _log.Append(escalation); // the engine has folded it already
        }
        await _reminders.Sync(settled.Owed, now);
        var snapshot = settled.Evaluation.Snapshot;
        var oldIndexed = State.Indexed;
        State.Indexed = [.. CaseIndexes.Of(snapshot)];
        if (!_outbox.Empty || _reports.NeedsWakeUp(snapshot, _reminders))
        {
            await _reminders.KeepOutboxAwake(now); // before the write that stores the notices (or owes facts), so none lacks a wake-up
        }
        await _log.SealIfFull();
        State.Version++;
        await WriteState();

        // The change is stored: whatever fails from here on must not make the caller resend it.
        try
        {
            if (!await _reports.Write(settled.Evaluation, State))
            {
                await _reminders.KeepOutboxAwake(now);
            }
            await _outbox.Deliver(now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandOverFailed(ex, CaseId); // the stored outbox and its reminder carry the notices on
            DeactivateOnIdle(); // memory may now differ from what is stored
        }
        var left = CaseIndexes.Left(oldIndexed, State.Indexed);
        _queueIndex.Update(oldIndexed, State.Indexed, left, snapshot, State.Version);
        await _live.Publish(snapshot, left);
        _live.ArmClockTransition(snapshot);
        return snapshot;
    }

    private async Task<CaseEvaluation?> Evaluate(Instant? asOf)
    {
        if (!Exists)
        {
            return null;
        }
        await LoadDefinitions();
        // A past instant before a calendar's later version was recorded shows what the case showed then.
        return asOf is { } at && _definitions.CalendarsKnownAt(at) is { } known
            ? new CaseEngine(Engine.Input with { Calendars = known }).Evaluate(at)
            : Engine.Evaluate(asOf ?? Now);
    }

    private async Task LoadDefinitions()
    {
        if (await _definitions.Load(State, Now))
        {
            _engine = null;
        }
    }

    private Task WriteState() => storage.WriteStateAsync(CaseStateName, this.GetGrainId(), _state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} stored its change but could not hand over its notices; its outbox reminder retries them")]
    private partial void LogHandOverFailed(Exception ex, string caseId);
}
