using System.Buffers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Placement;
using Orleans.Storage;
using NodaTime;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Contracts.Live;
using SlaGrains.Contracts.Processes;
using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Calendars;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using SlaGrains.Domain.Validation;
using SlaGrains.Grains.Calendars;
using SlaGrains.Grains.Live;
using SlaGrains.Grains.Telemetry;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// One case. Its stored events are the truth; everything else (milestones, targets, what is owed) is the engine's
/// fold of them, recomputed after every change. Deadlines are durable reminders, one per milestone instance with
/// something still to fire, each set for that instance's next notification with a one-minute period as the retry
/// net. Whatever wakes the case (an event, a tick, a duplicate tick after failover), it fires exactly the
/// notifications that are due and not yet recorded as fired, recording them in the same write that queues them.
/// </summary>
[GrainType("case"), PreferLocalPlacement] // the silo that receives a case's first event hosts it: one hop fewer
public sealed partial class CaseGrain(
    [FromKeyedServices(StorageNames.Sla)] IGrainStorage storage,
    TimeProvider clock,
    CompiledCalendars compiledCalendars,
    ISlaPublisher publisher,
    Limits limits,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain, IRemindable
{
    private const string MilestoneReminderPrefix = "ms:";
    private const string OutboxReminder = "outbox";
    private const string CaseStateName = "case";
    private const string SealedLogState = "case-log"; // the first sealed run; later ones add "-1", "-2", ...
    // Past this many bytes the tail is sealed: it keeps a case's own row under PostgreSQL's 2 KB TOAST threshold.
    private const int SealTailAt = 2 * 1024;
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);
    private static readonly Duration CalendarRefresh = Duration.FromMinutes(1);

    // Escalations can change criteria and start milestones whose deadlines have passed too; this bounds the loop.
    private const int MaxEscalationRounds = 16;

    // The case's own record, read and written through the provider itself, as the sealed runs are, not through
    // IPersistentState: Orleans' state bridge yields to the scheduler before every write, so each event's whole call
    // chain went asynchronous and was resumed step by step through the grain's scheduler (docs/benchmarks.md).
    // The record is the same one under the same name; the grain is not reentrant, so writes never overlap.
    private readonly GrainState<CaseState> _state = new(new CaseState());
    private readonly List<CaseEvent> _events = []; // the sealed log and State.Log decoded, in the same order
    private ArrayBufferWriter<byte> _tail = new(); // State.Log's buffer: an event is appended, the rest never copied again
    // The sealed runs' records by index, as read or written by this activation (with their etags); the first
    // State.SealedRuns.Count are the runs the case counts, holding exactly those events. Any after them are spent.
    private readonly List<GrainState<CaseLogState>> _runs = [];
    private CaseFold? _fold; // the engine's fold of all of _events, kept until the definitions it read change
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _customFieldNames = new(StringComparer.Ordinal); // every name the history has set
    private readonly Dictionary<string, Instant> _calendarVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BusinessCalendar> _calendars = new(StringComparer.Ordinal);
    private ProcessVersion? _process;
    private Instant? _calendarsCheckedAt;
    private IGrainTimer? _clockTransition;
    private (string, string?, string?, string?, string?, Instant?, MilestoneStatus?, CaseMilestoneStatus)? _announced;
    private static readonly TimeSpan WatchFor = TimeSpan.FromMinutes(30);

    private CaseState State => _state.State!; // never null: read or not, it holds a state
    private string CaseId => this.GetPrimaryKeyString();
    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await storage.ReadStateAsync(CaseStateName, this.GetGrainId(), _state);
        _state.State ??= new CaseState();
        var counts = SealedRuns();
        for (var i = 0; i < counts.Count; i++)
        {
            var run = await ReadNextRun();
            run.Events = StoredEvent.FirstLines(run.Events, counts[i]);
            _events.AddRange(StoredEvent.ReadAll(run.Events));
        }
        _tail.Write(State.Log.Span);
        foreach (var e in State.LegacyEvents ?? [])
        {
            StoredEvent.Append(_tail, e); // the older shape is stored as the log with the next change
        }
        (State.LegacyEvents, State.Log) = (null, _tail.WrittenMemory);
        _events.AddRange(StoredEvent.ReadAll(State.Log));
        _eventIds.UnionWith(_events.Select(e => e.EventId));
        _customFieldNames.UnionWith(_events.SelectMany(CaseEventValidator.CustomFieldNamesSetBy));
        if (State.Outbox.Count > 0)
        {
            await Deliver();
        }
    }

    public async Task<CaseWriteResult> Apply(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var errors = CaseEventValidator.Validate(e, Now, limits);
        if (!errors.IsValid)
        {
            return Invalid(errors);
        }
        if (_eventIds.Contains(e.EventId))
        {
            if (CaseEventReplay.Check(_events.First(x => x.EventId == e.EventId), e) is { IsValid: false } reused)
            {
                return new CaseWriteResult { Outcome = CaseWriteOutcome.Conflict, Errors = reused.ToDictionary() };
            }
            await LoadDefinitions();
            return new CaseWriteResult { Outcome = CaseWriteOutcome.Replayed, Snapshot = Evaluate(Now).Snapshot, Version = State.Version };
        }
        if (CaseEventValidator.ValidateCustomFieldTotal(_customFieldNames, e, limits) is { IsValid: false } tooMany)
        {
            return Invalid(tooMany);
        }
        if (_events.Count == 0 && e.Type != CaseEventType.Opened)
        {
            return new CaseWriteResult { Outcome = CaseWriteOutcome.NotFound };
        }
        if (CaseEventValidator.ValidateRoomForEvent(_events.Count, limits) is { IsValid: false } full)
        {
            return Invalid(full);
        }
        await LoadDefinitions();
        if (_process is not null && CaseEventValidator.ValidateMilestone(e, _process.Definition) is { IsValid: false } unknown)
        {
            return Invalid(unknown);
        }

        try
        {
            if (e.Type == CaseEventType.Opened && _events.Count == 0 && e.Case!.EntitlementId is null)
            {
                e = await MatchEntitlement(e);
            }
            Append(e);
            await DecideEntitlement();
            var evaluation = await Settle(Now);
            SlaMetrics.EventsApplied.Add(1);
            return new CaseWriteResult { Outcome = CaseWriteOutcome.Applied, Snapshot = evaluation.Snapshot, Version = State.Version };
        }
        catch
        {
            // Memory now holds an event storage may not: drop the activation so the next call starts from what is stored.
            DeactivateOnIdle();
            throw;
        }
    }

    public async Task<CaseSnapshot?> GetSnapshot(Instant? asOf)
    {
        if (_events.Count == 0)
        {
            return null;
        }
        await LoadDefinitions();
        return Evaluate(asOf ?? Now).Snapshot;
    }

    public async Task<MilestoneInstancePage?> GetInstances(string milestone, int from, int limit, Instant? asOf)
    {
        if (_events.Count == 0)
        {
            return null;
        }
        await LoadDefinitions();
        return Evaluate(asOf ?? Now).Instances(milestone, from, limit);
    }

    public async Task<CaseChange?> Watch()
    {
        if (_events.Count == 0)
        {
            return null;
        }
        DelayDeactivation(WatchFor);
        await LoadDefinitions();
        var snapshot = Evaluate(Now).Snapshot;
        ArmClockTransition(snapshot);
        return new CaseChange(snapshot, State.Version);
    }

    public Task<IReadOnlyList<CaseEvent>> GetHistory() =>
        Task.FromResult<IReadOnlyList<CaseEvent>>([.. CaseTimeline.InHistoryOrder(_events)]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OutboxReminder)
        {
            await Deliver();
            return;
        }
        if (_events.Count == 0)
        {
            await Unregister(reminderName);
            return;
        }
        try
        {
            // Forget what this reminder was set for: whatever is still owed gets registered afresh, even if the tick came early.
            State.Reminders.Remove(reminderName);
            await LoadDefinitions();
            await Settle(Now);
            if (!State.Reminders.ContainsKey(reminderName))
            {
                await Unregister(reminderName);
            }
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// Brings the case up to <paramref name="now"/> and stores it: fires what is due, writes escalations, points the
    /// reminders at what is owed next, then hands notices to the publisher and tells the queue and live clients.
    /// </summary>
    private async Task<CaseEvaluation> Settle(Instant now)
    {
        var evaluation = FireDue(now);
        await SyncReminders(evaluation, now);
        var queueChange = PlanQueueIndex(evaluation.Snapshot);
        if (State.Outbox.Count > 0)
        {
            await KeepOutboxAwake(); // before the write that stores the notices, so no stored notice lacks a wake-up
        }
        await SealTail();
        State.Version++;
        await WriteState();

        // The change is stored: whatever fails from here on must not make the caller resend it.
        try
        {
            await Deliver();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandOverFailed(ex, CaseId); // the stored outbox and its reminder carry the notices on
            DeactivateOnIdle(); // memory may now differ from what is stored
        }
        UpdateQueueIndex(queueChange, evaluation.Snapshot);
        await PublishChange(evaluation.Snapshot);
        ArmClockTransition(evaluation.Snapshot);
        return evaluation;
    }

    private async Task PublishChange(CaseSnapshot snapshot)
    {
        try
        {
            await publisher.CaseChanged(snapshot, State.Version);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(ex, CaseId); // live pushes are best effort; the next change carries the full snapshot
        }
    }

    /// <summary>
    /// While the case is active, a grain timer re-publishes it when a running clock next starts or stops by its
    /// calendar, so live views see "outside hours" the moment it begins. Nothing is stored: it is a view of time.
    /// </summary>
    private void ArmClockTransition(CaseSnapshot snapshot)
    {
        _clockTransition?.Dispose();
        _clockTransition = null;
        if (snapshot.Milestones.Where(m => m.NextClockChangeAt is not null).Select(m => m.NextClockChangeAt!.Value).DefaultIfEmpty().Min() is var next &&
            next != default && next - Now < Duration.FromDays(2))
        {
            var due = (next - Now).ToTimeSpan() + TimeSpan.FromMilliseconds(1);
            _clockTransition = this.RegisterGrainTimer(async () =>
            {
                await LoadDefinitions();
                var now = Evaluate(Now).Snapshot;
                await PublishChange(now);
                ArmClockTransition(now);
            }, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Records every due, unfired notification as fired and queues its notice; escalations become events.</summary>
    private CaseEvaluation FireDue(Instant now)
    {
        for (var round = 0; ; round++)
        {
            var evaluation = Evaluate(now);
            var due = evaluation.Notifications
                .Where(n => n.DueAt <= now && !State.Fired.Contains(n.Id))
                .OrderBy(n => n.DueAt).ThenBy(n => n.Id, StringComparer.Ordinal)
                .ToList();
            if (due.Count == 0 || round == MaxEscalationRounds)
            {
                return evaluation;
            }

            var escalated = false;
            foreach (var notification in due)
            {
                State.Fired.Add(notification.Id);
                SlaMetrics.NotificationsFired.Add(1, new KeyValuePair<string, object?>("kind", notification.Kind.ToString()));
                SlaMetrics.Lateness.Record((now - notification.DueAt).TotalSeconds);
                var milestone = evaluation.Milestone(notification.MilestoneId)!; // its own instance: always there
                State.Outbox.Add(Notice(notification, milestone, evaluation.Snapshot.Queue));
                foreach (var escalation in Escalations(notification))
                {
                    Append(escalation);
                    State.Outbox.Add(new SlaNotice
                    {
                        DeliveryId = escalation.EventId,
                        Type = SlaNotice.CaseEscalated,
                        OccurredAt = notification.DueAt,
                        CaseId = CaseId,
                        Queue = evaluation.Snapshot.Queue,
                        Milestone = milestone,
                        Webhook = true,
                        Changes = escalation.Changes,
                    });
                    escalated = true;
                }
            }
            if (!escalated)
            {
                return evaluation; // firing changes nothing the engine folds, so this evaluation still holds
            }
        }
    }

    private void Append(CaseEvent e)
    {
        if (_fold?.Count == _events.Count)
        {
            _fold.Append(e);
        }
        else
        {
            _fold = null;
        }
        _events.Add(e);
        _eventIds.Add(e.EventId);
        _customFieldNames.UnionWith(CaseEventValidator.CustomFieldNamesSetBy(e));
        StoredEvent.Append(_tail, e);
        State.Log = _tail.WrittenMemory;
    }

    /// <summary>
    /// Once the tail has grown past <see cref="SealTailAt"/>, moves it to the sealed log, so that the case's own write
    /// stays small however long its history grows. The sealed log is a few runs, each its own record, merged the way
    /// a binary counter carries: the tail becomes a new run, and while the run before it is no larger, the two become
    /// one. Runs then roughly halve in size from the first: a case of n sealed bytes reads about log₂(n / 2 KB)
    /// records when it activates, and rewrites each event about that many times over its life (rewriting one whole
    /// sealed log at every seal cost √n per event). A merged run is written into the record of its first run, whose
    /// events it begins with, and a new run into a record the case does not count: until the case's state records the
    /// seal, every run it counts reads as before (the first lines of its record) and the tail still holds the rest.
    /// </summary>
    private async Task SealTail()
    {
        if (_tail.WrittenCount < SealTailAt)
        {
            return;
        }
        var counts = SealedRuns();
        var first = counts.Count;
        var bytes = _tail.WrittenCount;
        while (first > 0 && Run(first - 1).Events.Length <= bytes)
        {
            first--;
            bytes += Run(first).Events.Length;
        }
        var joined = new byte[bytes];
        var at = 0;
        for (var i = first; i < counts.Count; i++)
        {
            Run(i).Events.Span.CopyTo(joined.AsSpan(at));
            at += Run(i).Events.Length;
        }
        _tail.WrittenSpan.CopyTo(joined.AsSpan(at));

        if (first == _runs.Count)
        {
            await ReadNextRun(); // a record spent by an earlier merge is still there, with an etag to match
        }
        Run(first).Events = joined;
        await storage.WriteStateAsync(RunStateName(first), this.GetGrainId(), _runs[first]);
        for (var i = first + 1; i < counts.Count; i++)
        {
            Run(i).Events = ReadOnlyMemory<byte>.Empty; // spent: now part of the merged run
        }
        var merged = counts.Skip(first).Sum() + (_events.Count - State.SealedEvents);
        State.SealedRuns = [.. counts.Take(first), merged];
        State.SealedEvents = _events.Count;
        _tail = new ArrayBufferWriter<byte>();
        State.Log = ReadOnlyMemory<byte>.Empty;
    }

    private Task WriteState() => storage.WriteStateAsync(CaseStateName, this.GetGrainId(), _state);

    /// <summary>How many events each sealed run holds; states written before runs existed had at most one.</summary>
    private List<int> SealedRuns() =>
        State.SealedRuns ?? (State.SealedEvents > 0 ? [State.SealedEvents] : []);

    private static string RunStateName(int index) => index == 0 ? SealedLogState : $"{SealedLogState}-{index}";

    /// <summary>Reads the record of the run after those in <see cref="_runs"/> and keeps it there, with its etag.</summary>
    private async Task<CaseLogState> ReadNextRun()
    {
        var stored = new GrainState<CaseLogState>(new CaseLogState());
        await storage.ReadStateAsync(RunStateName(_runs.Count), this.GetGrainId(), stored);
        stored.State ??= new CaseLogState();
        _runs.Add(stored);
        return stored.State;
    }

    private CaseLogState Run(int index) => _runs[index].State!; // ReadNextRun never keeps a null

    private static IEnumerable<CaseEvent> Escalations(PendingNotification notification) =>
        notification.Actions
            .Where(a => a.Type == ActionType.Escalate)
            .Select((action, i) => new CaseEvent
            {
                EventId = $"{notification.Id}/escalate/{i}",
                Type = CaseEventType.Escalated,
                OccurredAt = notification.DueAt,
                Changes = new CaseChanges { Priority = action.SetPriority, Queue = action.SetQueue, Owner = action.SetOwner },
                NotificationId = notification.Id,
            });

    private SlaNotice Notice(PendingNotification notification, MilestoneSnapshot milestone, string? queue) => new()
    {
        DeliveryId = notification.Id,
        Type = notification.Kind switch
        {
            NotificationKind.Warning => SlaNotice.MilestoneWarning,
            NotificationKind.Violation => SlaNotice.MilestoneViolated,
            _ => SlaNotice.MilestoneCompleted,
        },
        OccurredAt = notification.DueAt,
        CaseId = CaseId,
        Queue = queue,
        Milestone = milestone,
        Late = notification.Late,
        Webhook = notification.Actions.Any(a => a.Type == ActionType.Webhook),
    };

    /// <summary>One reminder per instance that still owes something, set for its earliest unfired notification.</summary>
    private async Task SyncReminders(CaseEvaluation evaluation, Instant now)
    {
        var wanted = evaluation.Notifications
            .Where(n => !State.Fired.Contains(n.Id))
            .GroupBy(n => n.MilestoneId, StringComparer.Ordinal)
            .ToDictionary(g => MilestoneReminderPrefix + g.Key, g => g.Min(n => n.DueAt), StringComparer.Ordinal);

        foreach (var (name, due) in wanted)
        {
            if (State.Reminders.TryGetValue(name, out var registered) && registered == due)
            {
                continue;
            }
            var dueTime = due > now ? (due - now).ToTimeSpan() : TimeSpan.Zero;
            await this.RegisterOrUpdateReminder(name, dueTime, RetryPeriod);
            State.Reminders[name] = due;
        }
        foreach (var name in State.Reminders.Keys.Where(n => n.StartsWith(MilestoneReminderPrefix, StringComparison.Ordinal) && !wanted.ContainsKey(n)).ToList())
        {
            await Unregister(name);
        }
    }

    private async Task Unregister(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        State.Reminders.Remove(name);
    }

    /// <summary>Hands queued notices to the publisher, oldest first; what it refuses stays queued behind a retry reminder.</summary>
    private async Task Deliver()
    {
        var delivered = 0;
        foreach (var notice in State.Outbox)
        {
            try
            {
                await publisher.Notify(notice);
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeliveryFailed(ex, notice.DeliveryId);
                break;
            }
        }
        var pending = State.Outbox.Count - delivered;
        if (delivered == 0 && pending == 0)
        {
            return;
        }
        State.Outbox.RemoveRange(0, delivered);
        if (pending > 0)
        {
            await KeepOutboxAwake();
        }
        else if (State.Reminders.ContainsKey(OutboxReminder))
        {
            await Unregister(OutboxReminder);
        }
        await WriteState();
    }

    private async Task KeepOutboxAwake()
    {
        if (!State.Reminders.ContainsKey(OutboxReminder))
        {
            await this.RegisterOrUpdateReminder(OutboxReminder, RetryPeriod, RetryPeriod);
            State.Reminders[OutboxReminder] = Now + Duration.FromTimeSpan(RetryPeriod);
        }
    }

    /// <summary>
    /// The engine's evaluation as of <paramref name="asOf"/>, from the kept fold: every event, late or not, goes into
    /// it in its place, and it evaluates any instant from its checkpoints. Only new definitions (a calendar changed,
    /// the entitlement decided) or a new activation fold the history afresh.
    /// </summary>
    private CaseEvaluation Evaluate(Instant asOf)
    {
        if (_fold is null || _fold.Count != _events.Count)
        {
            _fold = new CaseFold(new CaseTimelineInput
            {
                CaseId = CaseId,
                Events = _events,
                Entitlement = State.Entitlement,
                Process = _process,
                Calendars = _calendars,
                InstancesShown = limits.SnapshotInstances,
            });
            foreach (var e in CaseTimeline.InHistoryOrder(_events))
            {
                _fold.Append(e);
            }
        }
        var evaluation = _fold.Evaluate(asOf);
        return evaluation.Snapshot.EntitlementReason is null && State.MatchReason is { } why
            ? evaluation with { Snapshot = evaluation.Snapshot with { EntitlementReason = why } }
            : evaluation;
    }

    /// <summary>The pinned process version (fetched once per activation) and its calendars (re-checked every minute).</summary>
    private async Task LoadDefinitions()
    {
        if (_process is null && State.ProcessId is { } processId && State.ProcessVersion is { } version)
        {
            _process = await GrainFactory.GetGrain<IProcessGrain>(processId).GetVersion(version);
            _calendarsCheckedAt = null;
            _fold = null;
        }
        if (_process is null || (_calendarsCheckedAt is { } checkedAt && Now - checkedAt < CalendarRefresh))
        {
            return;
        }

        var ids = _process.Definition.Milestones.Select(m => m.CalendarId)
            .Append(State.Entitlement?.CalendarId).Append(_process.Definition.CalendarId)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var records = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<ICalendarGrain>(id).Read()));
        foreach (var record in records.OfType<CalendarRecord>())
        {
            if (!_calendarVersions.TryGetValue(record.CalendarId, out var compiledAt) || compiledAt != record.UpdatedAt)
            {
                _calendars[record.CalendarId] = compiledCalendars.Get(record);
                _calendarVersions[record.CalendarId] = record.UpdatedAt;
                _fold = null;
            }
        }
        _calendarsCheckedAt = Now;
    }

    /// <summary>An <c>opened</c> event without an entitlement gets the account's best match written into its fields.</summary>
    private async Task<CaseEvent> MatchEntitlement(CaseEvent opened)
    {
        var fields = opened.Case!;
        if (fields.AccountId is null)
        {
            State.MatchReason = "The case names no account and no entitlement, so it has no SLA.";
            return opened;
        }
        var match = await GrainFactory.GetGrain<IAccountGrain>(fields.AccountId)
            .Match(fields.ContactId, fields.AssetId, opened.OccurredAt.InUtc().Date);
        State.MatchReason = match.Reason;
        return match.EntitlementId is null ? opened
            : CaseEventReplay.Assign(opened with { Case = fields with { EntitlementId = match.EntitlementId } }, CaseEventReplay.AssignedEntitlementId);
    }

    /// <summary>
    /// The first time the case's history names an entitlement, asks it for admission (it counts the case once, ever)
    /// and pins the process version it grants.
    /// </summary>
    private async Task DecideEntitlement()
    {
        if (State.Entitlement is not null)
        {
            return;
        }
        CaseEvent? opened = null;
        string? entitlementId = null;
        foreach (var e in CaseTimeline.InHistoryOrder(_events))
        {
            if (e.Type == CaseEventType.Opened && opened is null)
            {
                opened = e;
                entitlementId = e.Case?.EntitlementId;
            }
            else if (opened is not null && e.Type == CaseEventType.Updated)
            {
                entitlementId ??= e.Changes?.EntitlementId;
            }
            if (entitlementId is not null)
            {
                break;
            }
        }
        if (opened is null || entitlementId is null)
        {
            return;
        }

        var admission = await GrainFactory.GetGrain<IEntitlementGrain>(entitlementId).Admit(CaseId, opened.OccurredAt.InUtc().Date);
        var decision = admission.Decision;
        if (State.MatchReason is { } matched && opened.Case?.EntitlementId == entitlementId)
        {
            decision = decision with { Reason = $"{matched} {decision.Reason}" };
        }
        State.Entitlement = decision;
        _fold = null;
        if (decision.Admitted && decision.ProcessId is { } processId && admission.ProcessVersion is { } version)
        {
            State.ProcessId = processId;
            State.ProcessVersion = version;
            _process = null;
            await LoadDefinitions();
        }
    }

    private (string? Old, string? New) PlanQueueIndex(CaseSnapshot snapshot)
    {
        var queue = snapshot.Closed ? null : snapshot.Queue;
        var old = State.IndexedQueue;
        State.IndexedQueue = queue;
        return (string.Equals(old, queue, StringComparison.Ordinal) ? null : old, queue);
    }

    private void UpdateQueueIndex((string? Old, string? New) change, CaseSnapshot snapshot)
    {
        if (change.Old is { } old)
        {
            GrainFactory.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(old, CaseId)).Remove(CaseId, State.Version).Ignore();
        }
        if (change.New is { } queue)
        {
            var nearest = snapshot.Milestones
                .Where(m => m.Status is MilestoneStatus.InProgress or MilestoneStatus.Paused or MilestoneStatus.Violated)
                .MinBy(m => m.TargetAt);
            // Most events (notes, custom fields) change nothing a queue row shows: then the index is not told again.
            var row = (queue, snapshot.Subject, snapshot.Priority, snapshot.Status, nearest?.Id, nearest?.TargetAt, nearest?.Status, snapshot.MilestoneStatus);
            if (change.Old is null && _announced == row)
            {
                return;
            }
            _announced = row;
            GrainFactory.GetGrain<IQueueBucketGrain>(QueueBuckets.KeyFor(queue, CaseId)).Upsert(new QueueEntry
            {
                CaseId = CaseId,
                Subject = snapshot.Subject,
                Priority = snapshot.Priority,
                Status = snapshot.Status,
                DeadlineAt = nearest?.TargetAt,
                NearestMilestone = nearest,
                MilestoneStatus = snapshot.MilestoneStatus,
                Version = State.Version,
            }).Ignore();
        }
    }

    private static CaseWriteResult Invalid(ValidationErrors errors) =>
        new() { Outcome = CaseWriteOutcome.Invalid, Errors = errors.ToDictionary() };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the change of case {CaseId} failed")]
    private partial void LogPublishFailed(Exception ex, string caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} stored its change but could not hand over its notices; its outbox reminder retries them")]
    private partial void LogHandOverFailed(Exception ex, string caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering notice {DeliveryId} failed; it stays queued and is retried")]
    private partial void LogDeliveryFailed(Exception ex, string deliveryId);
}
