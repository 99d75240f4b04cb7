using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Processes;
using static SlaGrains.Domain.Tests.Cases.Scenario;

namespace SlaGrains.Domain.Tests.Cases;

/// <summary>The rules that decide what fires, what it causes and what is still owed (docs/semantics.md, "Notifications"), without a cluster.</summary>
public sealed class CaseEngineTests
{
    private const string Violation = "case-1/first-response#1/violation/0m";
    private static readonly HashSet<string> NoneFired = new(StringComparer.Ordinal);

    private static ActionDefinition Action(ActionTrigger when, ActionType type, int? offset = null, string? priority = null, string? queue = null) =>
        new() { When = when, Type = type, OffsetMinutes = offset, SetPriority = priority, SetQueue = queue };

    private static Scenario AlwaysOpen(params MilestoneDefinition[] milestones) => new(ProcessWith(milestones));

    [Fact]
    public void Everything_due_fires_oldest_first_with_ties_by_id_and_each_notification_type_names_its_kind()
    {
        var first = FirstResponse(60) with
        {
            Warnings = [new WarningDefinition { AtPercent = 50 }, new WarningDefinition { BeforeTargetMinutes = 30 }],
            Actions = [Action(ActionTrigger.Violation, ActionType.Webhook, offset: 10)],
        };
        var s = AlwaysOpen(first, new MilestoneDefinition { Name = "Acknowledge", Minutes = 30, CompletedBy = ["customerReplied"] })
            .Opened("2025-03-03T10:00:00Z").Add(CaseEventType.CustomerReplied, "2025-03-03T10:20:00Z");

        var engine = s.Engine();
        var settled = engine.Settle(At("2025-03-03T10:45:00Z"), NoneFired);
        var later = engine.Settle(At("2025-03-03T11:15:00Z"), settled.Fired.Select(n => n.Id).ToHashSet(StringComparer.Ordinal));

        // Both warnings fall at 10:30 (at 50 % and 30 minutes before the target): the tie goes by id.
        Assert.Equal(
            ["case-1/acknowledge#1/success/0m", "case-1/first-response#1/warning/30m", "case-1/first-response#1/warning/50pct"],
            settled.Fired.Select(n => n.Id));
        Assert.Equal([Violation, "case-1/first-response#1/violation/10m"], later.Fired.Select(n => n.Id));
        Assert.Equal(settled.Fired.Select(n => n.Id), settled.Notices.Select(n => n.Notice.DeliveryId));
        Assert.Equal(
            [SlaNotice.MilestoneCompleted, SlaNotice.MilestoneWarning, SlaNotice.MilestoneWarning, SlaNotice.MilestoneViolated, SlaNotice.MilestoneViolated],
            settled.Notices.Concat(later.Notices).Select(n => n.Notice.Type));
        Assert.All(settled.Notices, n => Assert.Equal(CaseId, n.Notice.CaseId));
        Assert.All(settled.Notices, n => Assert.Equal("Tier 1", n.Notice.Queue));
        Assert.Equal(At("2025-03-03T10:30:00Z"), settled.Notices[1].Notice.OccurredAt);
        Assert.Equal(At("2025-03-03T11:10:00Z"), later.Notices[1].Notice.OccurredAt);
        Assert.Equal([false, false, false], settled.Notices.Select(n => n.ToWebhooks));
        Assert.Equal([false, true], later.Notices.Select(n => n.ToWebhooks)); // the webhook action is at 10 minutes past the target
        Assert.Empty(settled.Events);
    }

    [Fact]
    public void A_late_completion_fires_its_violation_and_a_completed_notice_marked_late()
    {
        var s = AlwaysOpen(FirstResponse(60)).Opened("2025-03-03T10:00:00Z").AgentReplied("2025-03-03T11:30:00Z");

        var settled = s.Engine().Settle(At("2025-03-03T12:00:00Z"), NoneFired);

        Assert.Equal([Violation, "case-1/first-response#1/success/0m"], settled.Notices.Select(n => n.Notice.DeliveryId));
        Assert.False(settled.Notices[0].Notice.Late);
        Assert.True(settled.Notices[1].Notice.Late);
        Assert.Equal(SlaNotice.MilestoneCompleted, settled.Notices[1].Notice.Type);
        Assert.True(settled.Notices[1].Notice.Milestone.IsViolated);
    }

    [Fact]
    public void Only_a_webhook_action_sends_a_notice_to_webhooks_and_notify_changes_nothing()
    {
        var s = AlwaysOpen(
                new MilestoneDefinition { Name = "Hooked", Minutes = 10, Actions = [Action(ActionTrigger.Violation, ActionType.Webhook), Action(ActionTrigger.Violation, ActionType.Notify)] },
                new MilestoneDefinition { Name = "Notified", Minutes = 10, Actions = [Action(ActionTrigger.Violation, ActionType.Notify)] },
                new MilestoneDefinition { Name = "Silent", Minutes = 10 })
            .Opened("2025-03-03T10:00:00Z");

        var routes = s.Engine().Settle(At("2025-03-03T10:10:00Z"), NoneFired).Notices
            .ToDictionary(n => n.Notice.Milestone.Id, n => n.ToWebhooks);

        Assert.Equal(new Dictionary<string, bool> { ["hooked#1"] = true, ["notified#1"] = false, ["silent#1"] = false }, routes);
    }

    [Fact]
    public void Each_escalate_action_becomes_an_escalated_event_with_a_stable_id_and_a_notice_for_webhooks()
    {
        var first = FirstResponse(60) with
        {
            Actions =
            [
                Action(ActionTrigger.Violation, ActionType.Escalate, priority: "Urgent"),
                Action(ActionTrigger.Violation, ActionType.Webhook),
                Action(ActionTrigger.Violation, ActionType.Escalate, queue: "Tier 2"),
            ],
        };
        var s = AlwaysOpen(first).Opened("2025-03-03T10:00:00Z");

        var settled = s.Engine().Settle(At("2025-03-03T11:05:00Z"), NoneFired);

        Assert.Equal([$"{Violation}/escalate/0", $"{Violation}/escalate/1"], settled.Events.Select(e => e.EventId));
        Assert.All(settled.Events, e =>
        {
            Assert.Equal(CaseEventType.Escalated, e.Type);
            Assert.Equal(At("2025-03-03T11:00:00Z"), e.OccurredAt);
            Assert.Equal(Violation, e.NotificationId);
        });
        Assert.Equal("Urgent", settled.Events[0].Changes!.Priority);
        Assert.Equal("Tier 2", settled.Events[1].Changes!.Queue);
        Assert.Equal(
            [(Violation, SlaNotice.MilestoneViolated), ($"{Violation}/escalate/0", SlaNotice.CaseEscalated), ($"{Violation}/escalate/1", SlaNotice.CaseEscalated)],
            settled.Notices.Select(n => (n.Notice.DeliveryId, n.Notice.Type)));
        Assert.All(settled.Notices, n => Assert.True(n.ToWebhooks));
        Assert.Equal(settled.Events[1].Changes, settled.Notices[2].Notice.Changes);
        // The escalations are folded in: the case after the settlement has the fields they set.
        Assert.Equal("Urgent", settled.Evaluation.Snapshot.Priority);
        Assert.Equal("Tier 2", settled.Evaluation.Snapshot.Queue);
    }

    [Fact]
    public void An_escalation_that_changes_criteria_starts_a_milestone_whose_own_deadline_then_fires_in_the_same_settlement()
    {
        var first = FirstResponse(60) with { Actions = [Action(ActionTrigger.Violation, ActionType.Escalate, queue: "Tier 2")] };
        var pickup = new MilestoneDefinition
        {
            Name = "Tier 2 Pickup", Minutes = 30,
            Criteria = new Dictionary<string, IReadOnlyList<string>> { ["queue"] = ["Tier 2"] },
            Actions = [Action(ActionTrigger.Violation, ActionType.Escalate, priority: "Urgent")],
        };
        var s = AlwaysOpen(first, pickup).Opened("2025-03-03T10:00:00Z");

        var settled = s.Engine().Settle(At("2025-03-03T12:00:00Z"), NoneFired);

        Assert.Equal([Violation, "case-1/tier-2-pickup#1/violation/0m"], settled.Fired.Select(n => n.Id));
        Assert.Equal([$"{Violation}/escalate/0", "case-1/tier-2-pickup#1/violation/0m/escalate/0"], settled.Events.Select(e => e.EventId));
        var started = settled.Evaluation.Snapshot.Milestones.Single(m => m.Id == "tier-2-pickup#1");
        Assert.Equal(At("2025-03-03T11:00:00Z"), started.StartedAt);
        Assert.Equal(At("2025-03-03T11:30:00Z"), settled.Events[1].OccurredAt);
        Assert.Equal("Urgent", settled.Evaluation.Snapshot.Priority);
    }

    [Fact]
    public void Settling_again_with_what_fired_recorded_fires_nothing_and_neither_does_a_reload_of_the_stored_history()
    {
        var first = FirstResponse(60) with { Actions = [Action(ActionTrigger.Violation, ActionType.Escalate, queue: "Tier 2")] };
        var s = AlwaysOpen(first).Opened("2025-03-03T10:00:00Z");
        var engine = s.Engine();
        var now = At("2025-03-03T11:05:00Z");
        var settled = engine.Settle(now, NoneFired);
        var fired = settled.Fired.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

        var again = engine.Settle(now, fired);
        foreach (var e in settled.Events)
        {
            s.Add(e.Type, "2025-03-03T11:00:00Z", _ => e);
        }
        var reloaded = s.Engine().Settle(At("2025-03-03T11:30:00Z"), fired);

        Assert.Single(settled.Events);
        Assert.Empty(again.Fired);
        Assert.Empty(again.Notices);
        Assert.Empty(again.Events);
        Assert.Empty(reloaded.Fired);
        Assert.Equal("Tier 2", reloaded.Evaluation.Snapshot.Queue);
    }

    [Fact]
    public void Escalations_that_keep_making_more_due_stop_after_the_bounded_number_of_rounds_and_the_rest_stays_owed()
    {
        // Each escalation completes the open instance and starts the next, which is already past its one-minute target.
        var ping = new MilestoneDefinition
        {
            Name = "Ping", Minutes = 1, Recurrence = Recurrence.Independent, StartedBy = ["escalated"], CompletedBy = ["escalated"],
            Actions = [Action(ActionTrigger.Violation, ActionType.Escalate, priority: "Urgent")],
        };
        var s = AlwaysOpen(ping).Opened("2025-03-03T10:00:00Z");
        var now = At("2025-03-04T10:00:00Z");

        var settled = s.Engine().Settle(now, NoneFired);

        Assert.Equal(CaseEngine.MaxEscalationRounds, settled.Events.Count);
        Assert.Equal(
            Enumerable.Range(1, CaseEngine.MaxEscalationRounds).Select(i => $"case-1/ping#{i}/violation/0m/escalate/0"),
            settled.Events.Select(e => e.EventId));
        Assert.Contains(settled.Owed, o => o.Value <= now); // the next round's violation: its reminder fires it at once
    }

    [Fact]
    public void Each_instance_owes_its_earliest_unfired_notification()
    {
        var first = FirstResponse(60) with { Warnings = [new WarningDefinition { AtPercent = 50 }], Actions = [Action(ActionTrigger.Violation, ActionType.Webhook, offset: 30)] };
        var s = AlwaysOpen(first, new MilestoneDefinition { Name = "Resolution", Minutes = 480 }).Opened("2025-03-03T10:00:00Z");
        var engine = s.Engine();

        var early = engine.Settle(At("2025-03-03T10:10:00Z"), NoneFired);
        var afterWarning = engine.Settle(At("2025-03-03T10:40:00Z"), NoneFired);

        Assert.Equal(new Dictionary<string, NodaTime.Instant>
        {
            ["first-response#1"] = At("2025-03-03T10:30:00Z"),
            ["resolution#1"] = At("2025-03-03T18:00:00Z"),
        }, early.Owed);
        Assert.Equal(At("2025-03-03T11:00:00Z"), afterWarning.Owed["first-response#1"]);
    }

    [Fact]
    public void The_entitlement_named_first_is_the_opened_events_else_the_first_update_that_names_one()
    {
        var byOpened = AlwaysOpen(FirstResponse()).Opened("2025-03-03T10:00:00Z", entitlementId: "gold")
            .Updated("2025-03-03T10:05:00Z", new CaseChanges { EntitlementId = "silver" });
        var byUpdate = AlwaysOpen(FirstResponse()).Opened("2025-03-03T10:00:00Z", entitlementId: null)
            .Updated("2025-03-03T10:05:00Z", new CaseChanges { Status = "Working" })
            .Updated("2025-03-03T10:20:00Z", new CaseChanges { EntitlementId = "silver" })
            .Updated("2025-03-03T10:30:00Z", new CaseChanges { EntitlementId = "bronze" });
        // Arrival order is not history order: an update that happened before the case opened names nothing.
        var early = AlwaysOpen(FirstResponse())
            .Opened("2025-03-03T10:00:00Z", entitlementId: null)
            .Updated("2025-03-03T09:00:00Z", new CaseChanges { EntitlementId = "early" });
        byOpened.Decision = byUpdate.Decision = early.Decision = null;

        Assert.Equal(new NamedEntitlement("gold", At("2025-03-03T10:00:00Z"), ByOpened: true), byOpened.Engine().NamedEntitlement);
        Assert.Equal(new NamedEntitlement("silver", At("2025-03-03T10:00:00Z"), ByOpened: false), byUpdate.Engine().NamedEntitlement);
        Assert.Null(early.Engine().NamedEntitlement);
    }

    [Fact]
    public void The_admission_reason_starts_with_why_matching_chose_the_entitlement_only_when_opened_named_it()
    {
        var admission = new EntitlementDecision("gold", true, "Entitlement 'gold' is active.", "platinum");
        const string matched = "Matched entitlement 'gold' by the account.";

        var byMatch = CaseEngine.Decide(admission, new NamedEntitlement("gold", At("2025-03-03T10:00:00Z"), ByOpened: true), matched);
        var byLaterUpdate = CaseEngine.Decide(admission, new NamedEntitlement("gold", At("2025-03-03T10:00:00Z"), ByOpened: false), "No entitlement matched.");
        var given = CaseEngine.Decide(admission, new NamedEntitlement("gold", At("2025-03-03T10:00:00Z"), ByOpened: true), null);

        Assert.Equal($"{matched} Entitlement 'gold' is active.", byMatch.Reason);
        Assert.Equal("Entitlement 'gold' is active.", byLaterUpdate.Reason);
        Assert.Equal(admission, given);
    }

    [Fact]
    public void Until_the_entitlement_gives_a_reason_the_snapshot_says_why_matching_found_none()
    {
        var s = AlwaysOpen(FirstResponse()).Opened("2025-03-03T10:00:00Z", entitlementId: null);
        s.Decision = null;

        var snapshot = s.Engine("No entitlement of account 'acme' covers the case.").Evaluate(At("2025-03-03T10:10:00Z")).Snapshot;

        Assert.Equal("No entitlement of account 'acme' covers the case.", snapshot.EntitlementReason);
        Assert.Empty(snapshot.Milestones);
    }

    [Fact]
    public void A_target_beyond_the_supported_range_is_never_the_nearest_deadline_of_a_queue_row()
    {
        var open = AlwaysOpen(FirstResponse(60)).Opened("2025-03-03T10:00:00Z").Engine().Evaluate(At("2025-03-03T10:10:00Z")).Snapshot;
        var reachable = open.Milestones[0];
        var unreachable = reachable with { Id = "resolution#1", Name = "Resolution", TargetAt = null };

        Assert.Equal(reachable.Id, CaseEngine.NearestOpenMilestone(open with { Milestones = [unreachable, reachable] })!.Id);
        Assert.Equal(unreachable.Id, CaseEngine.NearestOpenMilestone(open with { Milestones = [unreachable] })!.Id);
    }

    [Fact]
    public void A_queue_row_shows_the_nearest_open_target_and_a_closed_case_is_in_no_queue()
    {
        var s = AlwaysOpen(FirstResponse(60), new MilestoneDefinition { Name = "Resolution", Minutes = 30, CompletedBy = ["agentReplied"] })
            .Opened("2025-03-03T10:00:00Z");
        var open = s.Engine().Evaluate(At("2025-03-03T10:10:00Z")).Snapshot;
        s.AgentReplied("2025-03-03T10:15:00Z");
        var replied = s.Engine().Evaluate(At("2025-03-03T10:20:00Z")).Snapshot;
        s.Add(CaseEventType.Closed, "2025-03-03T10:30:00Z");
        var closed = s.Engine().Evaluate(At("2025-03-03T10:40:00Z")).Snapshot;

        Assert.Equal("resolution#1", CaseEngine.NearestOpenMilestone(open)!.Id);
        Assert.Null(CaseEngine.NearestOpenMilestone(replied));
        Assert.Equal([CaseIndexes.All, "Tier 1"], CaseIndexes.Of(replied));
        Assert.Empty(CaseIndexes.Of(closed));
    }

    [Fact]
    public void The_next_clock_change_is_the_earliest_a_running_milestone_will_see()
    {
        var s = new Scenario(ProcessWith(FirstResponse(600)) with { CalendarId = "us-east" }, ("us-east", UsEastHours()))
            .Opened("2025-03-03T10:00:00-05:00");
        var open = AlwaysOpen(FirstResponse(600)).Opened("2025-03-03T10:00:00-05:00");

        Assert.Equal(At("2025-03-03T17:00:00-05:00"), CaseEngine.NextClockChange(s.Engine().Evaluate(At("2025-03-03T11:00:00-05:00")).Snapshot));
        Assert.Null(CaseEngine.NextClockChange(open.Engine().Evaluate(At("2025-03-03T11:00:00-05:00")).Snapshot));
    }
}
