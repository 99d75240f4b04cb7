using System.Buffers;
using System.Collections.Immutable;
using NodaTime;
using Orleans.Core.Internal;
using Orleans.Storage;
using SlaGrains.Contracts.Cases;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Contracts.Live;
using SlaGrains.Contracts.Processes;
using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Entitlements;
using SlaGrains.Domain.Processes;
using SlaGrains.Grains.Cases;

namespace SlaGrains.Grains.Tests.Cases;

/// <summary>Cases on a real cluster with a fake clock: deadlines are durable reminders that fire once, at their instant.</summary>
[Collection(ClusterTests.Name)]
public sealed class CaseGrainTests(ClusterFixture fixture)
{
    private readonly SlaDriver _sla = new(fixture.Client, fixture.Clock);

    private static MilestoneDefinition FirstResponse(params ActionDefinition[] actions) => SlaDriver.FirstResponse(actions);

    private static string NewCaseId() => SlaDriver.NewCaseId();

    private Instant Now => _sla.Now;

    private ICaseGrain Case(string caseId) => _sla.Case(caseId);

    private Task<string> Entitle(int? casesAllowed = null, params MilestoneDefinition[] milestones) => _sla.Entitle(casesAllowed, milestones);

    private Task<CaseWriteResult> Open(string caseId, string? entitlementId) => _sla.Open(caseId, entitlementId);

    private Task<CaseWriteResult> Send(string caseId, string eventId, CaseEventType type, Instant? at = null, CaseChanges? changes = null) =>
        _sla.Send(caseId, eventId, type, at, changes);

    [Fact]
    public async Task The_warning_fires_at_75_percent_and_the_violation_at_the_target_each_once()
    {
        var entitlement = await Entitle();
        var caseId = NewCaseId();
        var opened = (await Open(caseId, entitlement)).Snapshot!;
        var target = opened.Milestones[0].TargetAt;

        await fixture.Advance(caseId, TimeSpan.FromMinutes(45));
        var warning = await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/warning/75pct");
        Assert.Equal(SlaNotice.MilestoneWarning, warning.Type);
        Assert.Equal(opened.OpenedAt!.Value + Duration.FromMinutes(45), warning.OccurredAt);
        Assert.Equal(MilestoneStatus.InProgress, (await Case(caseId).GetSnapshot(null))!.Milestones[0].Status);

        await fixture.Advance(caseId, TimeSpan.FromMinutes(15));
        var violation = await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/violation/0m");
        Assert.Equal(SlaNotice.MilestoneViolated, violation.Type);
        Assert.Equal(target, violation.OccurredAt);
        Assert.True(violation.Milestone.IsViolated);

        // Nothing more is owed, so the instance's reminder goes (after the tick's notice is out) rather than ticking every minute.
        await SlaDriver.Eventually(() => Task.FromResult(fixture.Probe.Live(GrainId.Create("case", caseId))), live => live.Count == 0);
        Assert.Empty(fixture.Probe.Live(GrainId.Create("case", caseId)));
        var snapshot = (await Case(caseId).GetSnapshot(null))!;
        Assert.Equal(MilestoneStatus.Violated, snapshot.Milestones[0].Status);
        Assert.Equal(CaseMilestoneStatus.OpenViolation, snapshot.MilestoneStatus);
        Assert.Equal(
            [$"{caseId}/first-response#1/warning/75pct", $"{caseId}/first-response#1/violation/0m"],
            fixture.Publisher.NoticesFor(caseId).Select(n => n.DeliveryId));
    }

    [Fact]
    public async Task A_pause_moves_the_target_later_and_nothing_fires_while_paused()
    {
        var entitlement = await Entitle(milestones: [FirstResponse() with { Warnings = [] }]);
        var caseId = NewCaseId();
        var openedAt = (await Open(caseId, entitlement)).Snapshot!.OpenedAt!.Value;

        await fixture.Advance(caseId, TimeSpan.FromMinutes(30));
        await Send(caseId, "wait", CaseEventType.Updated, changes: new CaseChanges { Status = "Waiting on Customer" });
        await fixture.Advance(caseId, TimeSpan.FromMinutes(60)); // the original target passes while paused
        var resumed = (await Send(caseId, "back", CaseEventType.Updated, changes: new CaseChanges { Status = "Working" })).Snapshot!;

        Assert.Empty(fixture.Publisher.NoticesFor(caseId));
        Assert.Equal(MilestoneStatus.InProgress, resumed.Milestones[0].Status);
        Assert.Equal(openedAt + Duration.FromMinutes(120), resumed.Milestones[0].TargetAt);
        Assert.Equal(3600, resumed.Milestones[0].PausedSeconds);

        await fixture.Advance(caseId, TimeSpan.FromMinutes(30));
        var violation = await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/violation/0m");
        Assert.Equal(openedAt + Duration.FromMinutes(120), violation.OccurredAt);
    }

    [Fact]
    public async Task A_duplicate_tick_and_a_replayed_event_change_nothing()
    {
        var entitlement = await Entitle(milestones: [FirstResponse() with { Warnings = [] }]);
        var caseId = NewCaseId();
        await Open(caseId, entitlement);
        var opened = (await Case(caseId).GetHistory())[0];
        await fixture.Advance(caseId, TimeSpan.FromMinutes(60));
        await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/violation/0m");
        var before = (await Case(caseId).GetSnapshot(null))!;

        // A failover can deliver the same tick twice; an integration can retry the same event.
        var remindable = fixture.Client.GetGrain<IRemindable>(GrainId.Create("case", caseId));
        await remindable.ReceiveReminder("ms:first-response#1", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        await remindable.ReceiveReminder("ms:first-response#1", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        var replay = await Case(caseId).Apply(opened with { });

        Assert.Equal(CaseWriteOutcome.Replayed, replay.Outcome);
        Assert.Single(fixture.Publisher.NoticesFor(caseId));
        Assert.Single(await Case(caseId).GetHistory());
        Assert.Equal(before.Milestones, (await Case(caseId).GetSnapshot(null))!.Milestones);
    }

    [Fact]
    public async Task A_field_update_a_task_and_an_email_happen_once_however_often_the_deadline_wakes_the_case()
    {
        var entitlement = await Entitle(milestones: [FirstResponse(
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.FieldUpdate, Set = new Dictionary<string, string?> { ["status"] = "Missed" } },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Task, Subject = "Call back", DueInMinutes = 30 },
            new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Email, To = ["desk@example.com"], Subject = "{{case.id}} missed", Body = "b" }) with { Warnings = [] }]);
        var caseId = NewCaseId();
        await Open(caseId, entitlement);
        await fixture.Advance(caseId, TimeSpan.FromMinutes(60));
        var violation = $"{caseId}/first-response#1/violation/0m";
        await fixture.Publisher.WaitFor(caseId, violation);

        // A failover can deliver the same tick twice, to a fresh activation that reads the case from storage.
        await Case(caseId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var remindable = fixture.Client.GetGrain<IRemindable>(GrainId.Create("case", caseId));
        await remindable.ReceiveReminder("ms:first-response#1", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        await remindable.ReceiveReminder("ms:first-response#1", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

        var history = await Case(caseId).GetHistory();
        Assert.Equal([$"{violation}/fieldUpdate/0", $"{violation}/task/0"], history.Where(e => e.NotificationId == violation).Select(e => e.EventId).Order(StringComparer.Ordinal));
        var snapshot = (await Case(caseId).GetSnapshot(null))!;
        Assert.Equal("Missed", snapshot.Status);
        Assert.Equal($"{violation}/task/0", Assert.Single(snapshot.Tasks).TaskId);
        Assert.Single(fixture.Publisher.NoticesFor(caseId));
        var email = Assert.Single(fixture.Publisher.FiredFor(caseId).SelectMany(f => f.Emails ?? []));
        Assert.Equal(($"{violation}/email/0", $"{caseId} missed"), (email.Id, email.Subject));
    }

    [Fact]
    public async Task An_escalation_is_an_event_in_the_history_and_starts_milestones_whose_criteria_now_match()
    {
        var escalate = new ActionDefinition { When = ActionTrigger.Violation, Type = ActionType.Escalate, SetPriority = "Urgent", SetQueue = $"Tier 2 {Guid.NewGuid():N}" };
        var callback = new MilestoneDefinition
        {
            Name = "Urgent Callback",
            Minutes = 30,
            Criteria = new Dictionary<string, IReadOnlyList<string>> { ["priority"] = ["Urgent"] },
            CompletedBy = ["agentReplied"],
        };
        var entitlement = await Entitle(null, FirstResponse(escalate) with { Warnings = [] }, callback);
        var caseId = NewCaseId();
        var openedAt = (await Open(caseId, entitlement)).Snapshot!.OpenedAt!.Value;

        await fixture.Advance(caseId, TimeSpan.FromMinutes(60));
        var escalated = await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/violation/0m/escalate/0");

        Assert.Equal(SlaNotice.CaseEscalated, escalated.Type);
        var snapshot = (await Case(caseId).GetSnapshot(null))!;
        Assert.Equal("Urgent", snapshot.Priority);
        Assert.Equal(escalate.SetQueue, snapshot.Queue);
        var urgent = Assert.Single(snapshot.Milestones, m => m.Name == "Urgent Callback");
        Assert.Equal(openedAt + Duration.FromMinutes(60), urgent.StartedAt);
        Assert.Equal(openedAt + Duration.FromMinutes(90), urgent.TargetAt);
        var history = await Case(caseId).GetHistory();
        Assert.Equal(CaseEventType.Escalated, history[^1].Type);
        Assert.Equal($"{caseId}/first-response#1/violation/0m", history[^1].NotificationId);

        // The queue index follows the case to its new queue; the violated First Response is its nearest deadline.
        var queue = await SlaDriver.Eventually(() => fixture.Client.GetGrain<IQueueGrain>(escalate.SetQueue).List(10), entries => entries.Any(e => e.CaseId == caseId));
        Assert.Equal(openedAt + Duration.FromMinutes(60), queue.Single(e => e.CaseId == caseId).DeadlineAt);
        var tier1 = await SlaDriver.Eventually(() => fixture.Client.GetGrain<IQueueGrain>("Tier 1").List(1000), entries => entries.All(e => e.CaseId != caseId));
        Assert.DoesNotContain(tier1, e => e.CaseId == caseId);
    }

    [Fact]
    public async Task A_late_event_is_placed_where_it_happened_and_completes_the_milestone_on_time()
    {
        var entitlement = await Entitle();
        var caseId = NewCaseId();
        var openedAt = (await Open(caseId, entitlement)).Snapshot!.OpenedAt!.Value;
        await fixture.Advance(caseId, TimeSpan.FromMinutes(30));
        await Send(caseId, "note", CaseEventType.Updated, changes: new CaseChanges { Owner = "sam" });

        var late = await Send(caseId, "reply", CaseEventType.AgentReplied, at: openedAt + Duration.FromMinutes(20));
        var tooFarAhead = await Send(caseId, "later", CaseEventType.CustomerReplied, at: Now + Duration.FromMinutes(90));

        var milestone = late.Snapshot!.Milestones[0];
        Assert.Equal(MilestoneStatus.Completed, milestone.Status);
        Assert.Equal(openedAt + Duration.FromMinutes(20), milestone.CompletedAt);
        var success = await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/success/0m");
        Assert.False(success.Late);
        Assert.Contains("occurredAt", tooFarAhead.Errors!.Keys);
        Assert.Equal(["open", "reply", "note"], (await Case(caseId).GetHistory()).Select(e => e.EventId));
    }

    [Fact]
    public async Task A_refused_delivery_stays_queued_and_is_handed_over_on_the_retry_tick()
    {
        var entitlement = await Entitle(milestones: [FirstResponse() with { Warnings = [] }]);
        var caseId = NewCaseId();
        var target = (await Open(caseId, entitlement)).Snapshot!.Milestones[0].TargetAt;

        fixture.Publisher.FailNext(caseId, 1);
        await fixture.Advance(caseId, TimeSpan.FromMinutes(60));
        await fixture.Publisher.WaitForVersion(caseId, 2); // the tick settled: violation recorded, its delivery refused
        Assert.Empty(fixture.Publisher.NoticesFor(caseId));
        // The instance's reminder goes once the tick has settled; the outbox's stays for the retry.
        await SlaDriver.Eventually(() => Task.FromResult(fixture.Probe.Live(GrainId.Create("case", caseId))), live => live.Count == 1);
        Assert.Equal(["outbox"], fixture.Probe.Live(GrainId.Create("case", caseId)));

        await fixture.Advance(caseId, TimeSpan.FromMinutes(1));
        var violation = await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/violation/0m");
        Assert.Equal(target, violation.OccurredAt);
        Assert.Single(fixture.Publisher.NoticesFor(caseId));
        await SlaDriver.Eventually(() => Task.FromResult(fixture.Probe.Live(GrainId.Create("case", caseId))), live => live.Count == 0);
        Assert.Empty(fixture.Probe.Live(GrainId.Create("case", caseId)));
    }

    [Fact]
    public async Task An_event_is_answered_applied_once_stored_even_when_a_later_write_fails_and_its_notice_still_goes_out()
    {
        var entitlement = await Entitle(milestones: [FirstResponse() with { Warnings = [] }]);
        var caseId = NewCaseId();

        // Opened two hours ago: the violation is due as the event is applied, stored with it, then handed over; the
        // write after the hand-over fails, as it would if PostgreSQL went down between the two.
        fixture.Faults.FailWriteAfter(GrainId.Create("case", caseId), 1);
        var opened = await Case(caseId).Apply(new CaseEvent
        {
            EventId = "open",
            Type = CaseEventType.Opened,
            OccurredAt = Now - Duration.FromHours(2),
            Case = new CaseFields { EntitlementId = entitlement, Priority = "High", Status = "New", Queue = "Tier 1" },
        });

        Assert.Equal(CaseWriteOutcome.Applied, opened.Outcome);
        await fixture.Publisher.WaitFor(caseId, $"{caseId}/first-response#1/violation/0m");
        var resent = await _sla.Send(caseId, "reply", CaseEventType.AgentReplied);
        Assert.Equal(CaseWriteOutcome.Applied, resent.Outcome); // a later activation reads the event as stored
        Assert.Equal(["open", "reply"], (await Case(caseId).GetHistory()).Select(e => e.EventId));
    }

    [Fact]
    public async Task Events_for_unknown_cases_unknown_milestones_and_self_written_types_are_refused_without_a_trace()
    {
        var entitlement = await Entitle();
        var unknown = NewCaseId();
        var caseId = NewCaseId();
        await Open(caseId, entitlement);

        var notFound = await Send(unknown, "r1", CaseEventType.AgentReplied);
        var badMilestone = await Case(caseId).Apply(new CaseEvent { EventId = "m1", Type = CaseEventType.MilestoneCompleted, OccurredAt = Now, Milestone = "Resolution" });
        var selfWritten = await Send(caseId, "x1", CaseEventType.Escalated, changes: new CaseChanges { Priority = "Low" });
        var noId = await Send(caseId, " ", CaseEventType.Stopped);

        Assert.Equal(CaseWriteOutcome.NotFound, notFound.Outcome);
        Assert.Null(await Case(unknown).GetSnapshot(null));
        Assert.Equal(CaseWriteOutcome.Invalid, badMilestone.Outcome);
        Assert.Contains("'First Response'", badMilestone.Errors!["milestone"][0], StringComparison.Ordinal);
        Assert.Contains("type", selfWritten.Errors!.Keys);
        Assert.Contains("eventId", noId.Errors!.Keys);
        Assert.Single(await Case(caseId).GetHistory());
    }

    [Fact]
    public async Task A_long_history_is_sealed_in_runs_so_each_change_writes_only_its_recent_events_and_all_of_it_loads_again()
    {
        var entitlement = await Entitle();
        var caseId = NewCaseId();
        await Open(caseId, entitlement);
        var filler = new string('x', 990) + "\nend"; // within the default 1,000 characters of a custom field
        for (var i = 0; i < 40; i++)
        {
            await Send(caseId, $"note-{i}", CaseEventType.Updated, changes: new CaseChanges { Status = $"Step {i}", CustomFields = ImmutableDictionary<string, string?>.Empty.Add("n", $"{i}{filler}") });
        }

        var stored = await Stored<CaseState>("case", caseId);
        // 41 events of about 1.1 KB: the case's own write carries at most the threshold and one event.
        Assert.InRange(stored.SealedEvents, 38, 41);
        Assert.InRange(stored.Log.Length, 0, CaseEventLog.SealTailAt + 1_200);
        // The sealed log is a few runs, each at least as large as the next: about log₂(44 KB / 1 KB), not one per seal.
        Assert.Equal(stored.SealedEvents, stored.SealedRuns.Sum());
        Assert.InRange(stored.SealedRuns.Count, 1, 6);
        Assert.Equal(stored.SealedRuns.OrderByDescending(n => n), stored.SealedRuns);
        Assert.Equal(["open", .. Enumerable.Range(0, 40).Select(i => $"note-{i}")], await StoredHistory(caseId));

        await Case(caseId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var history = await Case(caseId).GetHistory();
        var snapshot = (await Case(caseId).GetSnapshot(null))!;
        Assert.Equal(["open", .. Enumerable.Range(0, 40).Select(i => $"note-{i}")], history.Select(e => e.EventId));
        Assert.Equal($"39{filler}", history[^1].Changes!.CustomFields!["n"]);
        Assert.Equal("Step 39", snapshot.Status);
        var resent = new CaseChanges { Status = "Step 3", CustomFields = ImmutableDictionary<string, string?>.Empty.Add("n", $"3{filler}") };
        Assert.Equal(CaseWriteOutcome.Replayed, (await Send(caseId, "note-3", CaseEventType.Updated, changes: resent)).Outcome);

        // Sealing goes on after the reload, into the runs the case read back.
        await Send(caseId, "note-40", CaseEventType.Updated, changes: new CaseChanges { Subject = filler });
        await Send(caseId, "note-41", CaseEventType.Updated, changes: new CaseChanges { Subject = filler });
        Assert.Equal(["open", .. Enumerable.Range(0, 42).Select(i => $"note-{i}")], await StoredHistory(caseId));
    }

    [Fact]
    public async Task A_busy_case_of_small_events_writes_at_most_about_2_KB_of_them_with_each_change()
    {
        var entitlement = await Entitle();
        var caseId = NewCaseId();
        await Open(caseId, entitlement);
        var notes = Enumerable.Range(0, 120).Select(i => $"note-{i}").ToList();
        var largestTail = 0;
        foreach (var note in notes)
        {
            await Send(caseId, note, CaseEventType.Updated, changes: new CaseChanges { Status = note });
            largestTail = Math.Max(largestTail, (await Stored<CaseState>("case", caseId)).Log.Length);
        }

        // 121 events of about 130 bytes are 15 KB of history; each write carried at most the threshold and one event.
        Assert.InRange(largestTail, 1, CaseEventLog.SealTailAt + 256);
        var stored = await Stored<CaseState>("case", caseId);
        Assert.True(stored.SealedEvents >= 100);
        Assert.InRange(stored.SealedRuns.Count, 1, 4);
        Assert.Equal(["open", .. notes], await StoredHistory(caseId));

        await Case(caseId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(["open", .. notes], (await Case(caseId).GetHistory()).Select(e => e.EventId));
        Assert.Equal("note-119", (await Case(caseId).GetSnapshot(null))!.Status);
    }

    [Fact]
    public async Task A_seal_cut_short_before_the_case_recorded_it_loads_each_event_once()
    {
        var entitlement = await Entitle();
        var caseId = NewCaseId();
        var at = Now;
        CaseEvent[] events =
        [
            new CaseEvent { EventId = "open", Type = CaseEventType.Opened, OccurredAt = at, Case = new CaseFields { EntitlementId = entitlement, Status = "New" } },
            new CaseEvent { EventId = "working", Type = CaseEventType.Updated, OccurredAt = at, Changes = new CaseChanges { Status = "Working" } },
            new CaseEvent { EventId = "waiting", Type = CaseEventType.Updated, OccurredAt = at, Changes = new CaseChanges { Status = "Waiting" } },
        ];
        // The sealed log took all three, but the case's own write, recording only the first two as sealed, never landed.
        await Store("case-log", caseId, new CaseLogState { Events = Lines(events) });
        await Store("case", caseId, new CaseState { SealedEvents = 2, SealedRuns = [2], Log = Lines(events[2..]) });

        var history = await Case(caseId).GetHistory();
        var snapshot = (await Case(caseId).GetSnapshot(null))!;
        Assert.Equal(["open", "working", "waiting"], history.Select(e => e.EventId));
        Assert.Equal("Waiting", snapshot.Status);

        // The next seal joins the sealed log as the case recorded it, without the copy it never counted.
        var notes = Enumerable.Range(0, 20).Select(i => $"note-{i}").ToList();
        foreach (var note in notes)
        {
            await Send(caseId, note, CaseEventType.Updated, changes: new CaseChanges { Subject = new string('x', 1_000) });
        }
        Assert.True((await Stored<CaseState>("case", caseId)).SealedEvents > 2);
        Assert.Equal(["open", "working", "waiting", .. notes], await StoredHistory(caseId));
    }

    [Fact]
    public async Task A_merge_of_sealed_runs_cut_short_before_the_case_recorded_it_loads_each_event_once()
    {
        var entitlement = await Entitle();
        var caseId = NewCaseId();
        var at = Now;
        var events = new[] { "open", "working", "waiting", "back" }.Select((id, i) => i == 0
            ? new CaseEvent { EventId = id, Type = CaseEventType.Opened, OccurredAt = at, Case = new CaseFields { EntitlementId = entitlement, Status = "New" } }
            : new CaseEvent { EventId = id, Type = CaseEventType.Updated, OccurredAt = at, Changes = new CaseChanges { Status = id } }).ToArray();
        // The case counts two runs (two events, then one) and a tail of one. A merge of all three into the first
        // run's record landed; the case's own write, which would have counted it, did not.
        await Store("case-log", caseId, new CaseLogState { Events = Lines(events) });
        await Store("case-log-1", caseId, new CaseLogState { Events = Lines(events[2..3]) });
        await Store("case", caseId, new CaseState { SealedEvents = 3, SealedRuns = [2, 1], Log = Lines(events[3..]) });

        var history = await Case(caseId).GetHistory();
        Assert.Equal(["open", "working", "waiting", "back"], history.Select(e => e.EventId));
        Assert.Equal("back", (await Case(caseId).GetSnapshot(null))!.Status);

        // The next seals merge the runs as the case counted them, each event once.
        var notes = Enumerable.Range(0, 6).Select(i => $"note-{i}").ToList();
        foreach (var note in notes)
        {
            await Send(caseId, note, CaseEventType.Updated, changes: new CaseChanges { Subject = new string('x', 1_000) });
        }
        Assert.True((await Stored<CaseState>("case", caseId)).SealedEvents > 4);
        Assert.Equal(["open", "working", "waiting", "back", .. notes], await StoredHistory(caseId));
    }

    /// <summary>The case's log as storage holds it: the events of each sealed run the case counts, then its tail.</summary>
    private async Task<List<string>> StoredHistory(string caseId)
    {
        var stored = await Stored<CaseState>("case", caseId);
        var runs = stored.SealedRuns;
        var events = new List<CaseEvent>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = await Stored<CaseLogState>(CaseEventLog.RunStateName(i), caseId);
            events.AddRange(StoredEvent.ReadAll(StoredEvent.FirstLines(run.Events, runs[i])));
        }
        return [.. events.Concat(StoredEvent.ReadAll(stored.Log)).Select(e => e.EventId)];
    }

    private static ReadOnlyMemory<byte> Lines(IEnumerable<CaseEvent> events)
    {
        var log = new ArrayBufferWriter<byte>();
        foreach (var e in events)
        {
            StoredEvent.Append(log, e);
        }
        return log.WrittenMemory;
    }

    private IGrainStorage Storage => fixture.Storage;

    private async Task<T> Stored<T>(string stateName, string caseId) where T : class, new()
    {
        var stored = new GrainState<T>(new T());
        await Storage.ReadStateAsync(stateName, GrainId.Create("case", caseId), stored);
        return stored.State!;
    }

    private Task Store<T>(string stateName, string caseId, T state) =>
        Storage.WriteStateAsync(stateName, GrainId.Create("case", caseId), new GrainState<T>(state));
}
